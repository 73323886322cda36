package dev.precis.facts;

import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.TextDates;
import dev.precis.text.analysis.Token;
import dev.precis.text.analysis.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people, organisations and places by rules: runs of capitalised words, person titles
 * ("Secretary of State Rex Tillerson"), gazetteers of places and organisations, words that mark
 * organisation or place names, and context votes pooled over the whole story ("said X" votes
 * person, "in X" votes place). Then merges the forms of one entity: persons by surname when their
 * first names are compatible ("Sergey"/"Sergei"), lone surnames to the one person who carries them,
 * gazetteer aliases ("U.S."/"United States"), and "the " + a stated role ("the Russian foreign
 * minister"). Two people who share only a first name never merge.
 */
final class EntityExtractor implements FactFinder<EntityExtractor.Result> {
  static final Set<String> CONNECTORS = Set.of("of", "for", "the", "and", "on", "de", "du");
  static final Set<String> NAME_PARTICLES =
      Set.of("al", "el", "bin", "ibn", "van", "von", "der", "de", "da", "del", "la", "le", "abu");
  private static final Pattern CAMEL_HEADLINE = Pattern.compile("[A-Z][a-z]+");

  private final Lexicon lex = Lexicon.get();
  private final EntityMerger merger = new EntityMerger(lex);
  private final EntityRoles roles = new EntityRoles(lex);

  /** A name as found in one place, before merging. */
  record Candidate(
      int document,
      int sentence,
      int start,
      int end,
      String surface,
      String key,
      List<String> words,
      String role,
      int sentenceStart,
      int sentenceEnd) {}

  /** A mention resolved to an entity of the result. */
  record ResolvedMention(int document, int start, int end, String text, int entity) {}

  /** Entities plus every resolved mention, per document, in text order. */
  record Result(List<Entity> entities, List<List<ResolvedMention>> mentions) {}

  @Override
  public Result find(FoundFacts story) {
    List<Document> docs = story.docs();
    List<Candidate> candidates = new ArrayList<>();
    Map<String, int[]> votes = new HashMap<>(); // key -> votes per EntityType ordinal
    Set<String> lowerWords = lowerCaseVocabulary(docs);
    for (Document d : docs) {
      for (Sentence s : d.sentences()) {
        if (isHeadline(s.text())) {
          continue;
        }
        findCandidates(d, s, lowerWords, candidates, votes);
      }
    }
    return merger.merge(docs, candidates, votes);
  }

  /**
   * Words the story writes in lower case somewhere: sentence-initial forms of them are no names.
   */
  private static Set<String> lowerCaseVocabulary(List<Document> docs) {
    Set<String> out = new HashSet<>();
    for (Document d : docs) {
      String t = d.article().text();
      int i = 0;
      while (i < t.length()) {
        char c = t.charAt(i);
        if (Character.isLowerCase(c) && (i == 0 || !Character.isLetter(t.charAt(i - 1)))) {
          int j = i;
          while (j < t.length() && Character.isLetter(t.charAt(j))) {
            j++;
          }
          if (j > i) {
            out.add(t.substring(i, j));
          }
          // Lower-case non-letters (the small Roman numeral U+2170) end the word at once: step
          // past them, or the scan stands still (a hang found by FactsFuzzTest.quotes).
          i = Math.max(j, i + 1);
        } else {
          i++;
        }
      }
    }
    return out;
  }

  /** Title-case lines (headlines, captions, menus) make every word look like a name. */
  static boolean isHeadline(String sentence) {
    Matcher m = CAMEL_HEADLINE.matcher(sentence);
    int caps = 0;
    for (; m.find(); ) {
      caps++;
    }
    int words = dev.precis.text.Words.count(sentence);
    String t = sentence.strip();
    boolean terminal =
        t.endsWith(".")
            || t.endsWith("?")
            || t.endsWith("!")
            || t.endsWith("\"")
            || t.endsWith("”");
    return words >= 2 && caps >= 0.7 * words && !terminal && !t.contains("\"") && !t.contains("“");
  }

  private void findCandidates(
      Document d,
      Sentence s,
      Set<String> lowerWords,
      List<Candidate> out,
      Map<String, int[]> votes) {
    String text = d.article().text();
    List<Token> toks = Tokenizer.WORDS_AND_PUNCTUATION.tokens(text, s.start(), s.end());
    int i = 0;
    while (i < toks.size()) {
      if (!startsName(toks, i)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < toks.size()) {
        if (continuesName(toks, j)) {
          j++;
        } else if (CONNECTORS.contains(toks.get(j).text())
            && j + 1 < toks.size()
            && connectorAllowed(toks, i, j)) {
          int k = j + 1;
          while (k < toks.size() && CONNECTORS.contains(toks.get(k).text())) {
            k++;
          }
          if (k < toks.size() && continuesName(toks, k) && k - j <= 2) {
            j = k + 1;
          } else {
            break;
          }
        } else {
          break;
        }
      }
      emitSequence(d, s, toks, i, j, lowerWords, out, votes);
      i = j;
    }
  }

  private boolean startsName(List<Token> toks, int i) {
    Token t = toks.get(i);
    if (!t.isWord() || isAdjectiveCompound(t.text())) {
      return false;
    }
    if (i > 0 && toks.get(i - 1).text().equals(".") && toks.get(i - 1).end() == t.start()) {
      return false; // "CBSMIAMI.COM": a domain, not a name
    }
    if (isParticleName(t.text())) {
      return true;
    }
    return t.isCapitalised();
  }

  private boolean continuesName(List<Token> toks, int j) {
    Token t = toks.get(j);
    if (!t.isWord() || isAdjectiveCompound(t.text())) {
      return false;
    }
    if (j > 0 && toks.get(j - 1).end() == t.start() && toks.get(j - 1).isWord()) {
      return false; // "TillersonRex": words a scraper glued together belong to different names
    }
    if (isParticleName(t.text())) {
      return true;
    }
    if (!t.isCapitalised()) {
      return false;
    }
    // months and weekdays end a name ("Russia Wednesday")
    String w = t.text().toLowerCase(Locale.ROOT);
    return !(lex.isFunctionWord(w) && isCalendarWord(w));
  }

  private static boolean isCalendarWord(String w) {
    return w.endsWith("day") || TextDates.MONTH_NAMES.contains(w);
  }

  /** "Russian-backed", "Nations-led": a name turned adjective, which ends a name. */
  private static boolean isAdjectiveCompound(String w) {
    int dash = w.lastIndexOf('-');
    if (dash <= 0
        || dash + 1 >= w.length()
        || !Character.isLowerCase(w.charAt(dash + 1))
        || !Character.isUpperCase(w.charAt(0))) {
      return false;
    }
    String tail = w.substring(dash + 1);
    // "Ki-moon" is a name; "Russian-backed", "Kremlin-run", "US-style" are adjectives
    return tail.endsWith("ed") || tail.endsWith("ing") || ADJECTIVE_TAILS.contains(tail);
  }

  private static final Set<String> ADJECTIVE_TAILS =
      Set.of(
          "run", "born", "made", "style", "era", "held", "owned", "based", "led", "backed", "wide",
          "bound");

  /** "al-Assad", "bin-Laden": lower-case particle glued to a capitalised name. */
  private static boolean isParticleName(String w) {
    int dash = w.indexOf('-');
    return dash > 0
        && dash + 1 < w.length()
        && Character.isUpperCase(w.charAt(dash + 1))
        && NAME_PARTICLES.contains(w.substring(0, dash).toLowerCase(Locale.ROOT));
  }

  /** "of"/"for"/"the" join only names that are titles, organisations or places. */
  private boolean connectorAllowed(List<Token> toks, int from, int connector) {
    for (int k = from; k < connector; k++) {
      String w = toks.get(k).text().toLowerCase(Locale.ROOT);
      if (lex.orgWords.contains(w) || lex.placeWords.contains(w) || lex.isTitleWord(w)) {
        return true;
      }
    }
    String c = toks.get(connector).text();
    // "Bosnia and Herzegovina", "Organization for the ..." only via the gazetteer or org words
    return c.equals("and") && false;
  }

  private void emitSequence(
      Document d,
      Sentence s,
      List<Token> toks,
      int from,
      int to,
      Set<String> lowerWords,
      List<Candidate> out,
      Map<String, int[]> votes) {
    // leading function words and sentence-initial common words are not part of a name
    while (from < to) {
      Token t = toks.get(from);
      String w = t.text();
      boolean initial = from == 0 || isOpening(toks.get(from - 1).text());
      if (lex.isFunctionWord(w) && !inGazetteer(toks, from, to)) {
        from++;
      } else if (initial
          && to - from >= 1
          && (lowerWords.contains(w.toLowerCase(Locale.ROOT))
              || w.endsWith("ing")
              || w.endsWith("ly"))
          && !isKnown(w)) {
        from++;
      } else {
        break;
      }
    }
    // drop a trailing function word ("... Monday" is cut earlier; "US And")
    while (to > from
        && lex.isFunctionWord(toks.get(to - 1).text())
        && !inGazetteer(toks, from, to)) {
      to--;
    }
    if (from >= to) {
      return;
    }
    String lastWord = toks.get(to - 1).text().toLowerCase(Locale.ROOT);
    if (NameCues.MISC_WORDS.contains(lastWord) && to - from > 1) {
      return; // "Minsk Agreements", "Korean War": events and documents, not their places
    }
    String firstWord = toks.get(from).text();
    if (firstWord.equals("HMS") || firstWord.equals("USS") || firstWord.equals("MV")) {
      return; // ships
    }
    if (toks.get(from).text().equals("US")
        && to - from == 1
        && toks.get(from).end() < toks.size()
        && from + 1 < toks.size()
        && toks.get(from + 1).text().equals("$")) {
      return; // "US$2 billion"
    }
    // a known organisation or place at the start of a longer run is a name of its own
    if (to - from > 1
        && !inGazetteer(toks, from, to)
        && !(lex.placeWords.contains(lastWord) || lex.orgWords.contains(lastWord))) {
      for (int k = to - 1; k > from; k--) {
        if (inGazetteer(toks, from, k)) {
          emitName(d, s, toks, from, k, out, votes, lowerWords);
          emitSequence(d, s, toks, k, to, lowerWords, out, votes);
          return;
        }
      }
    }
    // split off a title: "U.S. Secretary of State Rex Tillerson" -> role + name
    int titleEnd = -1;
    int titleStart = -1;
    for (int k = from; k < to; k++) {
      int m = titleMatch(toks, k, to);
      if (m > 0) {
        if (titleStart < 0) {
          titleStart = k;
        }
        titleEnd = k + m;
        k = titleEnd - 1;
      }
    }
    if (titleEnd > 0 && titleEnd < to) {
      if (titleStart > from) {
        // "Iranian National Security Council Secretary Ali Larijani": the organisation is named too
        emitSequence(d, s, toks, from, titleStart, lowerWords, out, votes);
      }
      emitPerson(d, s, toks, titleEnd, to, out, votes);
      return;
    }
    if (titleEnd == to) {
      return; // a title alone ("Secretary of State") names nobody
    }
    emitName(d, s, toks, from, to, out, votes, lowerWords);
  }

  private static boolean isOpening(String t) {
    return t.equals("\"")
        || t.equals("“")
        || t.equals("'")
        || t.equals("‘")
        || t.equals("(")
        || t.equals(":")
        || t.equals("-")
        || t.equals("—")
        || t.equals("•");
  }

  private boolean isKnown(String w) {
    String n = Lexicon.norm(w);
    return lex.places.containsKey(n)
        || lex.organizations.containsKey(n)
        || lex.demonyms.containsKey(n);
  }

  private boolean inGazetteer(List<Token> toks, int from, int to) {
    String n = Lexicon.norm(join(toks, from, to));
    return lex.places.containsKey(n) || lex.organizations.containsKey(n);
  }

  /** Number of tokens of the longest title starting at {@code k}, or 0. */
  private int titleMatch(List<Token> toks, int k, int to) {
    StringBuilder b = new StringBuilder();
    int best = 0;
    for (int n = 0; n < lex.maxTitleWords && k + n < to; n++) {
      if (n > 0) {
        b.append(' ');
      }
      b.append(toks.get(k + n).text().toLowerCase(Locale.ROOT));
      if (lex.titles.contains(b.toString())) {
        best = n + 1;
      }
    }
    return best;
  }

  private void emitPerson(
      Document d,
      Sentence s,
      List<Token> toks,
      int from,
      int to,
      List<Candidate> out,
      Map<String, int[]> votes) {
    Candidate c = candidate(d, s, toks, from, to);
    if (c == null) {
      return;
    }
    vote(votes, c.key(), EntityType.PERSON, 4);
    out.add(c);
  }

  private void emitName(
      Document d,
      Sentence s,
      List<Token> toks,
      int from,
      int to,
      List<Candidate> out,
      Map<String, int[]> votes,
      Set<String> lowerWords) {
    Candidate c = candidate(d, s, toks, from, to);
    if (c == null) {
      return;
    }
    String key = c.key();
    List<String> words = c.words();
    String last = words.get(words.size() - 1).toLowerCase(Locale.ROOT);
    String first = words.get(0).toLowerCase(Locale.ROOT);
    if (words.size() == 1 && lex.demonyms.containsKey(key)) {
      return; // "Russian" describes, it does not name
    }
    if (NameCues.MISC_WORDS.contains(last)) {
      return; // events, laws and works are not people, organisations or places
    }
    if (lex.demonyms.containsKey(key) && !lex.places.containsKey(key)) {
      return;
    }
    if (c.role() != null && words.size() >= 2) {
      vote(votes, key, EntityType.PERSON, 2); // "USGS analyst Dale Grant"
    }
    if (lex.organizations.containsKey(key)) {
      vote(votes, key, EntityType.ORGANIZATION, 20);
    } else if (lex.places.containsKey(key)) {
      vote(votes, key, EntityType.PLACE, 20);
    } else {
      boolean org = false;
      for (String w : words) {
        if (lex.orgWords.contains(w.toLowerCase(Locale.ROOT))) {
          org = true;
        }
      }
      if (org && words.size() > 1) {
        // "Police" or "Government" alone is a common noun; "State Department" names one
        vote(votes, key, EntityType.ORGANIZATION, lex.orgWords.contains(last) ? 6 : 3);
      }
      if (lex.placeWords.contains(last) || first.equals("lake") || first.equals("mount")) {
        vote(votes, key, EntityType.PLACE, 5);
      }
      if (words.size() == 1 && isAcronym(words.get(0))) {
        vote(votes, key, EntityType.ORGANIZATION, 2);
      }
      if (words.size() >= 2 && words.size() <= 4 && !org) {
        if (lex.givenNames.contains(first)) {
          vote(votes, key, EntityType.PERSON, 2);
        } else if (words.stream().noneMatch(w -> lowerWords.contains(w.toLowerCase(Locale.ROOT)))) {
          vote(votes, key, EntityType.PERSON, 1);
        }
      }
    }
    // context: "in X" votes place, "X said" / "said X" votes person
    int i = indexOf(toks, from);
    if (i > 0) {
      String prev = toks.get(i - 1).text().toLowerCase(Locale.ROOT);
      if (NameCues.PLACE_PREPOSITIONS.contains(prev)) {
        vote(votes, key, EntityType.PLACE, 1);
      }
      if (prev.equals("of")
          && i > 1
          && NameCues.PLACE_NOUNS.contains(toks.get(i - 2).text().toLowerCase(Locale.ROOT))) {
        vote(votes, key, EntityType.PLACE, 3);
      }
      if (NameCues.SPEECH_VERBS.contains(prev) && !prev.equals("reported")) {
        vote(votes, key, EntityType.PERSON, 1);
      }
    }
    int after = indexOf(toks, to - 1) + 1;
    if (after < toks.size()) {
      String next = toks.get(after).text().toLowerCase(Locale.ROOT);
      if (next.equals("also") && after + 1 < toks.size()) {
        next = toks.get(after + 1).text().toLowerCase(Locale.ROOT);
      }
      if (NameCues.SPEECH_VERBS.contains(next)) {
        vote(votes, key, EntityType.PERSON, 2);
      }
    }
    out.add(c);
  }

  private static int indexOf(List<Token> toks, int index) {
    return index;
  }

  private static boolean isAcronym(String w) {
    String letters = w.replace(".", "");
    return letters.length() >= 2
        && letters.length() <= 6
        && letters.equals(letters.toUpperCase(Locale.ROOT))
        && letters.chars().allMatch(Character::isLetterOrDigit);
  }

  private Candidate candidate(Document d, Sentence s, List<Token> toks, int from, int to) {
    // a possessive ending stays outside the name
    while (to > from
        && (toks.get(to - 1).text().equals("'s") || toks.get(to - 1).text().equals("’s"))) {
      to--;
    }
    if (from >= to) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (int k = from; k < to; k++) {
      words.add(toks.get(k).text());
    }
    int start = toks.get(from).start();
    int end = toks.get(to - 1).end();
    String surface = d.article().text().substring(start, end);
    String role = roles.before(toks, from);
    if (role == null) {
      role = roles.after(toks, to);
    }
    return new Candidate(
        d.index(),
        s.index(),
        start,
        end,
        surface,
        Lexicon.norm(surface),
        words,
        role,
        s.start(),
        s.end());
  }

  private static String join(List<Token> toks, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (k > from) {
        b.append(' ');
      }
      b.append(toks.get(k).text());
    }
    return b.toString();
  }

  static String joinText(List<Token> toks, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      String t = toks.get(k).text();
      if (k > from && toks.get(k - 1).end() < toks.get(k).start()) {
        b.append(' ');
      }
      b.append(t);
    }
    return b.toString();
  }

  private static void vote(Map<String, int[]> votes, String key, EntityType type, int n) {
    votes.computeIfAbsent(key, k -> new int[EntityType.values().length])[type.ordinal()] += n;
  }

  static EntityType winner(int[] v) {
    if (v == null) {
      return null;
    }
    int best = -1;
    EntityType out = null;
    for (EntityType t : EntityType.values()) {
      if (v[t.ordinal()] > best && v[t.ordinal()] > 0) {
        best = v[t.ordinal()];
        out = t;
      }
    }
    return out;
  }
}
