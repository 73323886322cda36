package dev.precis.facts;

import dev.precis.facts.EntityExtractor.Candidate;
import dev.precis.facts.EntityExtractor.ResolvedMention;
import dev.precis.facts.EntityExtractor.Result;
import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second half of entity extraction: merges the name candidates found in a story's articles into
 * entities (surnames with full names, spelling and transliteration variants, "the minister" with
 * the one minister named), and picks each entity's type by vote and its canonical name.
 */
final class EntityMerger {
  private final Lexicon lex;

  EntityMerger(Lexicon lex) {
    this.lex = lex;
  }

  /** A growing entity while merging. */
  private static final class Cluster {
    EntityType type;
    String surname = "";
    String firstName = "";
    final Map<String, Integer> forms = new LinkedHashMap<>();
    final Set<String> roles = new LinkedHashSet<>();
    final List<Candidate> mentions = new ArrayList<>();
    String canonical;

    void add(Candidate c) {
      mentions.add(c);
      forms.merge(c.surface(), 1, Integer::sum);
      if (c.role() != null && roles.stream().noneMatch(r -> r.equalsIgnoreCase(c.role()))) {
        roles.add(c.role());
      }
    }
  }

  Result merge(List<Document> docs, List<Candidate> candidates, Map<String, int[]> votes) {
    List<Cluster> clusters = new ArrayList<>();
    Map<String, Cluster> byKey = new HashMap<>();
    List<Candidate> singles = new ArrayList<>();
    // 1. multi-word persons, grouped by surname with compatible first names
    Map<String, List<Cluster>> bySurname = new HashMap<>();
    for (Candidate c : candidates) {
      EntityType type = typeOf(c, votes);
      if (type == null) {
        if (c.words().size() == 1) {
          singles.add(c);
        }
        continue;
      }
      if (type == EntityType.PERSON && personWords(c).size() >= 2) {
        List<String> pw = personWords(c);
        String surname = surnameKey(pw.get(pw.size() - 1));
        String first = Lexicon.norm(pw.get(0));
        Cluster match = null;
        for (Cluster cl : bySurname.getOrDefault(surname, List.of())) {
          if (compatibleFirstNames(cl.firstName, first)) {
            match = cl;
            break;
          }
        }
        if (match == null) {
          match = new Cluster();
          match.type = EntityType.PERSON;
          match.surname = surname;
          match.firstName = first;
          clusters.add(match);
          bySurname.computeIfAbsent(surname, k -> new ArrayList<>()).add(match);
        }
        match.add(c);
        byKey.putIfAbsent(c.key(), match);
      } else if (type == EntityType.PERSON) {
        singles.add(c);
      } else {
        String key = canonicalKey(c.key(), type);
        Cluster cl = byKey.get(type + ":" + key);
        if (cl == null) {
          cl = new Cluster();
          cl.type = type;
          cl.canonical = canonicalName(c, type);
          clusters.add(cl);
          byKey.put(type + ":" + key, cl);
        }
        cl.add(c);
      }
    }
    // 2. lone words: a surname of exactly one person (the nearest one before it when several)
    Map<String, Cluster> firstNameOnly = new HashMap<>();
    for (Cluster cl : clusters) {
      if (cl.type == EntityType.PERSON) {
        // an ambiguous first name maps to null (HashMap.merge would drop the key instead)
        firstNameOnly.put(
            cl.firstName,
            firstNameOnly.containsKey(cl.firstName) && firstNameOnly.get(cl.firstName) != cl
                ? null
                : cl);
      }
    }
    for (Candidate c : singles) {
      String surname = surnameKey(c.words().get(0));
      List<Cluster> people = bySurname.getOrDefault(surname, List.of());
      Cluster target = null;
      if (people.size() == 1) {
        target = people.get(0);
      } else if (people.size() > 1) {
        target = nearestBefore(people, c);
      }
      if (target != null) {
        target.add(c);
        continue;
      }
      String lone = Lexicon.norm(c.words().get(0));
      if (firstNameOnly.containsKey(lone)) {
        Cluster only = firstNameOnly.get(lone);
        if (only != null && !lex.givenNames.contains(lone)) {
          only.add(c); // "Ban" for "Ban Ki-moon": family name first
        }
        continue; // "Vladimir" alone could be Putin or Safronkov: never guess
      }
      EntityType type = typeOf(c, votes);
      if (type == EntityType.PERSON && votes.get(c.key())[EntityType.PERSON.ordinal()] >= 2) {
        Cluster cl = byKey.get("PERSON1:" + surname);
        if (cl == null) {
          cl = new Cluster();
          cl.type = EntityType.PERSON;
          cl.surname = surname;
          clusters.add(cl);
          byKey.put("PERSON1:" + surname, cl);
          bySurname.computeIfAbsent(surname, k -> new ArrayList<>()).add(cl);
        }
        cl.add(c);
      }
    }
    // 3. "the Russian foreign minister": the article's own words for a stated role
    List<Candidate> descriptions = descriptions(docs, clusters);
    // build entities
    List<Cluster> kept = new ArrayList<>();
    for (Cluster cl : clusters) {
      if (!cl.mentions.isEmpty()) {
        kept.add(cl);
      }
    }
    kept.sort(
        Comparator.comparingInt((Cluster cl) -> -cl.mentions.size())
            .thenComparingInt(cl -> cl.mentions.get(0).document())
            .thenComparingInt(cl -> cl.mentions.get(0).start()));
    List<Entity> entities = new ArrayList<>();
    List<List<ResolvedMention>> byDoc = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      byDoc.add(new ArrayList<>());
    }
    Map<Cluster, Integer> ids = new HashMap<>();
    for (Cluster cl : kept) {
      ids.put(cl, entities.size());
      entities.add(toEntity(cl));
    }
    for (Cluster cl : kept) {
      for (Candidate c : cl.mentions) {
        byDoc
            .get(c.document())
            .add(new ResolvedMention(c.document(), c.start(), c.end(), c.surface(), ids.get(cl)));
      }
    }
    for (List<ResolvedMention> l : byDoc) {
      l.sort(Comparator.comparingInt(ResolvedMention::start));
    }
    assert descriptions != null;
    return new Result(entities, byDoc);
  }

  /** The name words of a person candidate, without honorifics ("Mr Trump" → "Trump"). */
  private List<String> personWords(Candidate c) {
    List<String> w = c.words();
    int from = 0;
    while (from < w.size() - 1 && lex.isTitleWord(w.get(from))) {
      from++;
    }
    return w.subList(from, w.size());
  }

  private static Cluster nearestBefore(List<Cluster> people, Candidate c) {
    Cluster best = null;
    long bestPos = Long.MIN_VALUE;
    for (Cluster cl : people) {
      for (Candidate m : cl.mentions) {
        long pos = (long) m.document() * 10_000_000L + m.start();
        long here = (long) c.document() * 10_000_000L + c.start();
        if (pos < here && pos > bestPos && m.words().size() > 1) {
          bestPos = pos;
          best = cl;
        }
      }
    }
    if (best == null) {
      // none before: the most mentioned
      best = people.stream().max(Comparator.comparingInt(cl -> cl.mentions.size())).orElse(null);
    }
    return best;
  }

  private EntityType typeOf(Candidate c, Map<String, int[]> votes) {
    return EntityExtractor.winner(votes.get(c.key()));
  }

  /** "al-Assad", "Al-Assad", "Assad" → "assad". */
  static String surnameKey(String word) {
    String n = Lexicon.norm(word);
    int dash = n.indexOf('-');
    if (dash > 0 && EntityExtractor.NAME_PARTICLES.contains(n.substring(0, dash))) {
      n = n.substring(dash + 1);
    }
    return n;
  }

  /** Same first name, an initial of it, or a transliteration variant ("Sergey"/"Sergei"). */
  static boolean compatibleFirstNames(String a, String b) {
    if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
      return true;
    }
    if (a.charAt(0) != b.charAt(0)) {
      return false;
    }
    if (a.length() == 1 || b.length() == 1) {
      return true;
    }
    return a.length() >= 4
        && b.length() >= 4
        && editDistance(a, b) <= Math.min(2, Math.min(a.length(), b.length()) / 3);
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private String canonicalKey(String key, EntityType type) {
    String k = key.startsWith("the ") ? key.substring(4) : key;
    if (type == EntityType.PLACE && lex.places.containsKey(k)) {
      return Lexicon.norm(lex.places.get(k));
    }
    if (type == EntityType.ORGANIZATION && lex.organizations.containsKey(k)) {
      return Lexicon.norm(lex.organizations.get(k));
    }
    return k;
  }

  private String canonicalName(Candidate c, EntityType type) {
    String k = c.key();
    if (type == EntityType.PLACE && lex.places.containsKey(k)) {
      return lex.places.get(k);
    }
    if (type == EntityType.ORGANIZATION && lex.organizations.containsKey(k)) {
      return lex.organizations.get(k);
    }
    return null;
  }

  /** Finds "the <role>" in the texts for roles that belong to exactly one person. */
  private List<Candidate> descriptions(List<Document> docs, List<Cluster> clusters) {
    Map<String, Cluster> owner = new HashMap<>();
    for (Cluster cl : clusters) {
      if (cl.type != EntityType.PERSON) {
        continue;
      }
      for (String role : cl.roles) {
        String r = role.toLowerCase(Locale.ROOT);
        if (r.split(" ").length < 2 || r.contains("'s") || r.contains("’s")) {
          continue; // "the president" or "Putin's spokesman" is too vague to resolve
        }
        owner.merge(r, cl, (a, b) -> a == b ? a : null);
      }
    }
    List<Candidate> out = new ArrayList<>();
    List<String> lowered = new ArrayList<>();
    for (Document d : docs) {
      lowered.add(d.article().text().toLowerCase(Locale.ROOT));
    }
    for (Map.Entry<String, Cluster> e : owner.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      String needle = "the " + e.getKey();
      Pattern p = null;
      for (Document d : docs) {
        if (!lowered.get(d.index()).contains(needle)) {
          continue; // most roles never occur as a description: spare the pattern
        }
        if (p == null) {
          p =
              Pattern.compile(
                  "\\bthe " + Pattern.quote(e.getKey()) + "\\b(?!\\s+\\p{Lu})",
                  Pattern.CASE_INSENSITIVE);
        }
        Matcher m = p.matcher(d.article().text());
        while (m.find()) {
          Sentence s = sentenceAt(d, m.start());
          if (s == null) {
            continue;
          }
          Candidate c =
              new Candidate(
                  d.index(),
                  s.index(),
                  m.start(),
                  m.end(),
                  m.group(),
                  Lexicon.norm(m.group()),
                  List.of(m.group().split(" ")),
                  null,
                  s.start(),
                  s.end());
          e.getValue().add(c);
          out.add(c);
        }
      }
    }
    return out;
  }

  static Sentence sentenceAt(Document d, int offset) {
    for (Sentence s : d.sentences()) {
      if (offset >= s.start() && offset < s.end()) {
        return s;
      }
    }
    return null;
  }

  private Entity toEntity(Cluster cl) {
    List<String> forms = new ArrayList<>(cl.forms.keySet());
    forms.sort(Comparator.comparingInt((String f) -> -cl.forms.get(f)));
    String name = cl.canonical;
    if (name == null) {
      // the most frequent multi-word form, else the most frequent form
      name = forms.get(0);
      for (String f : forms) {
        if (f.contains(" ") && !f.toLowerCase(Locale.ROOT).startsWith("the ")) {
          name = f;
          break;
        }
      }
      if (cl.type == EntityType.PERSON) {
        name = stripTitles(name);
      }
    }
    Set<Long> seen = new HashSet<>();
    List<Citation> citations = new ArrayList<>();
    Set<Integer> documents = new HashSet<>();
    List<Candidate> ordered = new ArrayList<>(cl.mentions);
    ordered.sort(Comparator.comparingInt(Candidate::document).thenComparingInt(Candidate::start));
    for (Candidate c : ordered) {
      documents.add(c.document());
      if (seen.add(((long) c.document() << 32) | c.sentence())) {
        citations.add(new Citation(c.document(), c.sentenceStart(), c.sentenceEnd()));
      }
    }
    return new Entity(
        name,
        cl.type,
        forms,
        new ArrayList<>(cl.roles),
        cl.mentions.size(),
        documents.size(),
        citations);
  }

  private String stripTitles(String name) {
    String[] w = name.split(" ");
    int from = 0;
    while (from < w.length - 1 && lex.isTitleWord(w[from])) {
      from++;
    }
    return String.join(" ", java.util.Arrays.copyOfRange(w, from, w.length));
  }
}
