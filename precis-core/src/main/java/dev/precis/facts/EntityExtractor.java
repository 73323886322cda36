package dev.precis.facts;

import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.Token;
import dev.precis.text.analysis.Tokenizer;
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
 * Finds people, organisations and places by rules: runs of capitalised words, person titles
 * ("Secretary of State Rex Tillerson"), gazetteers of places and organisations, words that mark
 * organisation or place names, and context votes pooled over the whole story ("said X" votes
 * person, "in X" votes place). Then merges the forms of one entity: persons by surname when their
 * first names are compatible ("Sergey"/"Sergei"), lone surnames to the one person who carries them,
 * gazetteer aliases ("U.S."/"United States"), and "the " + a stated role ("the Russian foreign
 * minister"). Two people who share only a first name never merge.
 */
final class EntityExtractor {
  private static final Set<String> CONNECTORS = Set.of("of", "for", "the", "and", "on", "de", "du");
  private static final Set<String> NAME_PARTICLES =
      Set.of("al", "el", "bin", "ibn", "van", "von", "der", "de", "da", "del", "la", "le", "abu");
  private static final Set<String> MISC_WORDS =
      Set.of(
          "war",
          "agreement",
          "agreements",
          "accord",
          "accords",
          "treaty",
          "summit",
          "conference",
          "games",
          "cup",
          "act",
          "law",
          "prize",
          "award",
          "awards",
          "festival",
          "day",
          "week",
          "program",
          "programme",
          "project",
          "operation",
          "revolution",
          "crisis",
          "election",
          "elections",
          "championship",
          "olympics",
          "protocol",
          "convention",
          "declaration",
          "doctrine",
          "plan",
          "initiative",
          "campaign",
          "tour",
          "show",
          "series",
          "album",
          "film",
          "book",
          "bill",
          "image",
          "links");
  private static final Set<String> SPEECH_VERBS =
      Set.of(
          "said",
          "says",
          "say",
          "told",
          "tells",
          "added",
          "adds",
          "stated",
          "declared",
          "noted",
          "explained",
          "asked",
          "replied",
          "responded",
          "insisted",
          "claimed",
          "claims",
          "warned",
          "argued",
          "wrote",
          "writes",
          "tweeted",
          "announced",
          "continued",
          "remarked",
          "recalled",
          "conceded",
          "acknowledged",
          "urged",
          "emphasized",
          "emphasised",
          "stressed",
          "suggested",
          "admitted",
          "complained",
          "denied",
          "reported",
          "reports",
          "confirmed",
          "blasted",
          "criticized",
          "criticised",
          "disputed",
          "reaffirmed");
  private static final Set<String> PLACE_PREPOSITIONS =
      Set.of(
          "in", "at", "near", "from", "across", "outside", "inside", "into", "towards", "toward");
  private static final Set<String> PLACE_NOUNS =
      Set.of("town", "city", "village", "province", "region", "capital", "district", "county");
  private static final Pattern CAMEL_HEADLINE = Pattern.compile("[A-Z][a-z]+");

  private final Lexicon lex = Lexicon.get();

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

  Result extract(List<Document> docs) {
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
    return merge(docs, candidates, votes);
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
          out.add(t.substring(i, j));
          i = j;
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
    return w.endsWith("day")
        || Set.of(
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december")
            .contains(w);
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
    if (MISC_WORDS.contains(lastWord) && to - from > 1) {
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
    if (MISC_WORDS.contains(last)) {
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
      if (PLACE_PREPOSITIONS.contains(prev)) {
        vote(votes, key, EntityType.PLACE, 1);
      }
      if (prev.equals("of")
          && i > 1
          && PLACE_NOUNS.contains(toks.get(i - 2).text().toLowerCase(Locale.ROOT))) {
        vote(votes, key, EntityType.PLACE, 3);
      }
      if (SPEECH_VERBS.contains(prev) && !prev.equals("reported")) {
        vote(votes, key, EntityType.PERSON, 1);
      }
    }
    int after = indexOf(toks, to - 1) + 1;
    if (after < toks.size()) {
      String next = toks.get(after).text().toLowerCase(Locale.ROOT);
      if (next.equals("also") && after + 1 < toks.size()) {
        next = toks.get(after + 1).text().toLowerCase(Locale.ROOT);
      }
      if (SPEECH_VERBS.contains(next)) {
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
    String role = roleBefore(toks, from);
    if (role == null) {
      role = roleAfter(toks, to);
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

  /**
   * The role written just before a name: title words, capitalised words, demonyms and connectors
   * ("Russian Deputy Permanent Representative to the United Nations", "White House spokesman",
   * "Putin's spokesman,").
   */
  private String roleBefore(List<Token> toks, int nameStart) {
    int k = nameStart - 1;
    if (k >= 1 && toks.get(k).text().equals(",") && lex.isTitleWord(toks.get(k - 1).text())) {
      k--; // "Putin's spokesman, Dmitry Peskov"
    }
    int end = k + 1;
    int start = end;
    boolean title = false;
    while (k >= 0) {
      Token t = toks.get(k);
      String w = t.text();
      String lw = w.toLowerCase(Locale.ROOT);
      if (k + 1 < toks.size()
          && toks.get(k + 1).start() == t.end()
          && t.isWord()
          && toks.get(k + 1).isWord()) {
        break; // glued to the next word: another name, not a role
      }
      if (lex.isTitleWord(lw) || lex.titles.contains(lw)) {
        title = true;
      } else if (lex.titleModifiers.contains(lw)) {
        // "deputy", "foreign", "permanent": part of a title, not one by itself
      } else if (t.isWord() && t.isCapitalised() && !lex.isFunctionWord(w)) {
        // organisation or nationality part of the role
      } else if (w.equals("'s") || w.equals("’s")) {
        // possessive ("Putin's spokesman")
      } else if ((lw.equals("to") || lw.equals("of") || lw.equals("the") || lw.equals("for"))
          && k > 0
          && start < end
          && (toks.get(k - 1).isCapitalised()
              || lex.isTitleWord(toks.get(k - 1).text())
              || (lw.equals("the") && (toks.get(k - 1).is("to") || toks.get(k - 1).is("of"))))) {
        // connector inside a role ("Ambassador to the UN")
      } else if (t.isWord()
          && lex.orgWords.contains(lw)
          && k + 1 < toks.size()
          && lex.isTitleWord(toks.get(k + 1).text())) {
        // lower-case role parts ("department spokesman", "foreign minister")
      } else {
        break;
      }
      start = k;
      k--;
    }
    // leading connectors are not part of the role
    while (start < end && CONNECTORS.contains(toks.get(start).text().toLowerCase(Locale.ROOT))) {
      start++;
    }
    if (!title || start >= end) {
      return null;
    }
    // the role must contain a title word, and end with one or a connector-joined organisation
    boolean hasTitle = false;
    for (int m = start; m < end; m++) {
      String lw = toks.get(m).text().toLowerCase(Locale.ROOT);
      if (lex.isTitleWord(lw)
          && !lw.startsWith("mr")
          && !lw.startsWith("mrs")
          && !lw.equals("ms")
          && !lw.startsWith("dr")) {
        hasTitle = true;
      }
    }
    if (!hasTitle) {
      return null;
    }
    return joinText(toks, start, end);
  }

  /** An appositive role after a name: "Sergey Lavrov, the Russian foreign minister,". */
  private String roleAfter(List<Token> toks, int nameEnd) {
    int k = nameEnd;
    if (k >= toks.size() || !toks.get(k).text().equals(",")) {
      return null;
    }
    k++;
    if (k < toks.size() && (toks.get(k).is("the") || toks.get(k).is("a") || toks.get(k).is("an"))) {
      k++;
    }
    int start = k;
    int lastTitle = -1;
    while (k < toks.size() && k - start < 8) {
      Token t = toks.get(k);
      String lw = t.text().toLowerCase(Locale.ROOT);
      if (lex.isTitleWord(lw)) {
        lastTitle = k;
      } else if (!(t.isWord()
          && (t.isCapitalised()
              || lw.equals("foreign")
              || lw.equals("deputy")
              || lex.orgWords.contains(lw)
              || lw.equals("of")
              || lw.equals("to")
              || lw.equals("the")
              || lw.equals("'s")
              || lw.equals("’s")))) {
        break;
      }
      k++;
    }
    if (lastTitle < 0 || lastTitle + 1 != k) {
      return null;
    }
    if (k < toks.size() && !(toks.get(k).text().equals(",") || toks.get(k).text().equals("."))) {
      return null;
    }
    String lw = toks.get(start).text().toLowerCase(Locale.ROOT);
    if (lw.startsWith("mr") || lw.equals("ms") || lw.startsWith("dr")) {
      return null;
    }
    return joinText(toks, start, k);
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

  private static String joinText(List<Token> toks, int from, int to) {
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

  private static EntityType winner(int[] v) {
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

  // ---------------------------------------------------------------- merging

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

  private Result merge(List<Document> docs, List<Candidate> candidates, Map<String, int[]> votes) {
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
    return winner(votes.get(c.key()));
  }

  /** "al-Assad", "Al-Assad", "Assad" → "assad". */
  static String surnameKey(String word) {
    String n = Lexicon.norm(word);
    int dash = n.indexOf('-');
    if (dash > 0 && NAME_PARTICLES.contains(n.substring(0, dash))) {
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
