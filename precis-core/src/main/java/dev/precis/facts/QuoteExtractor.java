package dev.precis.facts;

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
 * Finds direct quotations and their speakers. A speaker is read from the attribution next to the
 * quotation ("…," said Lavrov / "…," Tillerson told reporters / Trump added: "…"); a pronoun ("he
 * added") resolves to the most recent person named as the subject of a speech verb outside
 * quotations; a quotation without attribution continues the speaker of the previous one in its
 * paragraph. Quotations carried by several articles, whole or in part, are merged.
 */
final class QuoteExtractor {
  /** Quotations shorter than this are scare quotes ("barbaric"), not statements. */
  static final int MIN_WORDS = 4;

  private static final String VERBS =
      "said|says|say|told|tells|added|adds|stated|declared|noted|explained|asked|replied|responded"
          + "|insisted|claimed|claims|warned|argued|wrote|writes|tweeted|announced|continued|remarked"
          + "|recalled|conceded|acknowledged|urged|emphasized|emphasised|stressed|suggested|admitted"
          + "|complained|repeated|reiterated|concluded|observed|cautioned|vowed|pledged|boasted"
          + "|described|recounted|commented|saying|adding|promised|indicated|mentioned|answered|quoted";
  private static final Set<String> VERB_SET = Set.of(VERBS.split("\\|"));
  private static final Set<String> ADDRESSEE_VERBS = Set.of("told", "tells", "asked", "answered");
  private static final Set<String> AUXILIARIES =
      Set.of(
          "also", "later", "then", "further", "again", "simply", "once", "has", "had", "have",
          "was", "is", "will", "would", "been");
  private static final Set<String> ROLE_WORDS =
      Set.of(
          "the",
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "minister",
          "secretary",
          "official",
          "president",
          "analyst",
          "department",
          "ministry",
          "chief",
          "head",
          "envoy",
          "ambassador");

  /**
   * The first lower-case word after {@code from}, past adverbs and auxiliaries ("also", "had"), or
   * null when something else (a capital, punctuation) comes first.
   */
  static String verbAfter(String s, int from, boolean allowPunctuation) {
    int i = from;
    int n = Math.min(s.length(), from + 60);
    if (allowPunctuation) {
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      if (i < n && ",.:;!?—-".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
    }
    for (int words = 0; words < 4; words++) {
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      int j = i;
      while (j < n && Character.isLetter(s.charAt(j))) {
        j++;
      }
      if (j == i || !Character.isLowerCase(s.charAt(i))) {
        return null;
      }
      String w = s.substring(i, j);
      if (!AUXILIARIES.contains(w) && !w.endsWith("ly")) {
        return w;
      }
      i = j;
    }
    return null;
  }

  private static final Pattern VERB_START =
      Pattern.compile("^\\s*(?:[,.:;!?]\\s*)?(?:" + VERBS + ")\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBJECT_VERB_START =
      Pattern.compile(
          "^\\s*(?:[,.:;!?—-]\\s*)?(?:(he|she|it|they)\\s+)?(?:(?:also|later|then|further|again|simply|once)\\s+)?(?:"
              + VERBS
              + ")\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VERB_ANYWHERE =
      Pattern.compile("\\b(?:" + VERBS + "|according to)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PRONOUN_BEFORE_VERB =
      Pattern.compile(
          "\\b(he|she|it|they)\\s+(?:\\w+ly\\s+|also\\s+|later\\s+|then\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  /** A quotation as found in one article. */
  record Found(
      int document,
      int open,
      int close,
      String text,
      Integer speaker,
      int strength,
      Citation citation) {}

  private static final int NAMED = 3;
  private static final int PRONOUN = 2;
  private static final int CONTINUED = 1;

  /** Attributed to a description ("a spokesperson for …"): no name, and none to borrow. */
  private static final int DESCRIBED = -1;

  List<Quote> extract(List<Document> docs, EntityExtractor.Result entities) {
    List<Found> found = new ArrayList<>();
    for (Document d : docs) {
      found.addAll(inDocument(d, entities));
    }
    return merge(found, entities.entities());
  }

  /**
   * Quotation spans [open, close] (offsets of the marks) in one article, paragraph by paragraph.
   */
  static List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int para = text.indexOf('\n', i);
      if (para < 0) {
        para = n;
      }
      int open = -1;
      char closer = 0;
      for (int k = i; k < para; k++) {
        char c = text.charAt(k);
        boolean between =
            k > 0
                && k + 1 < n
                && Character.isLetter(text.charAt(k - 1))
                && Character.isLetter(text.charAt(k + 1));
        if (open < 0) {
          if (c == '“') {
            open = k;
            closer = '”';
          } else if (c == '"' && !between) {
            open = k;
            closer = '"';
          } else if ((c == '\'' || c == '‘')
              && !between
              && (k == 0 || !Character.isLetterOrDigit(text.charAt(k - 1)))
              && k + 1 < n
              && Character.isLetter(text.charAt(k + 1))) {
            open = k;
            closer = c == '‘' ? '’' : '\'';
          }
        } else if ((c == closer || (closer == '”' && c == '"') || (closer == '"' && c == '”'))
            && !(between && closer != '”')) {
          if ((closer == '\'' || closer == '’')
              && k + 1 < n
              && Character.isLetter(text.charAt(k + 1))) {
            continue; // an apostrophe inside a single-quoted span
          }
          out.add(new int[] {open, k});
          open = -1;
        }
      }
      i = para + 1;
    }
    return out;
  }

  List<Found> inDocument(Document d, EntityExtractor.Result entities) {
    return new Attribution(d, entities).quotes();
  }

  /** The quotations of one article and who said each. */
  private static final class Attribution {
    final Document doc;
    final String text;

    /**
     * The text with every quotation blanked: verbs and names inside quotations attribute nothing.
     */
    final String masked;

    final List<int[]> spans;
    final List<EntityExtractor.ResolvedMention> mentions = new ArrayList<>();
    final List<Entity> entities;

    /**
     * [position, entity]: sentence subjects and named subjects of speech verbs, the antecedents of
     * "he".
     */
    final List<int[]> salient = new ArrayList<>();

    Attribution(Document d, EntityExtractor.Result result) {
      this.doc = d;
      this.text = Spaces.normalize(d.article().text());
      this.spans = spans(text);
      this.entities = result.entities();
      char[] blanked = text.toCharArray();
      for (int[] sp : spans) {
        for (int k = sp[0] + 1; k < sp[1]; k++) {
          blanked[k] = '_';
        }
      }
      this.masked = new String(blanked);
      for (EntityExtractor.ResolvedMention m : result.mentions().get(d.index())) {
        if (!inside(spans, m.start())) {
          mentions.add(m);
        }
      }
      for (EntityExtractor.ResolvedMention m : mentions) {
        if (type(m) != EntityType.PLACE && (isSubject(m) || isSpeechSubject(m))) {
          salient.add(new int[] {m.start(), m.entity()});
        }
      }
    }

    EntityType type(EntityExtractor.ResolvedMention m) {
      return entities.get(m.entity()).type();
    }

    /**
     * "Lavrov said", "Tillerson also told", "said Lavrov", "said White House spokesman Sean
     * Spicer".
     */
    boolean isSpeechSubject(EntityExtractor.ResolvedMention m) {
      String next = verbAfter(masked, m.end(), true);
      if (next != null && VERB_SET.contains(next)) {
        return true;
      }
      // walk back over role words to the verb: "said [White House spokesman] Sean Spicer"
      int i = m.start();
      for (int words = 0; words < 6; words++) {
        int end = i;
        while (end > 0 && masked.charAt(end - 1) == ' ') {
          end--;
        }
        int start = end;
        while (start > 0
            && (Character.isLetter(masked.charAt(start - 1))
                || masked.charAt(start - 1) == '.'
                || masked.charAt(start - 1) == '\''
                || masked.charAt(start - 1) == '’')) {
          start--;
        }
        if (start == end) {
          return false;
        }
        String w = masked.substring(start, end);
        String lw = w.toLowerCase(Locale.ROOT);
        if (VERB_SET.contains(lw)) {
          return true;
        }
        if (!(Character.isUpperCase(w.charAt(0))
            || ROLE_WORDS.contains(lw)
            || lw.endsWith("'s")
            || lw.endsWith("’s"))) {
          return false;
        }
        i = start;
      }
      return false;
    }

    /**
     * A name followed by a verb ("Trump forcefully denounced", "Mulet, the acting head …, told").
     */
    boolean isSubject(EntityExtractor.ResolvedMention m) {
      String head = masked.substring(Math.max(0, m.start() - 6), m.start());
      if (head.endsWith("that ") || head.endsWith("whether ")) {
        return false; // "Gabriel also said that Tillerson had focused": a reported subject
      }
      String next = verbAfter(masked, m.end(), false);
      if (next != null
          && (VERB_SET.contains(next)
              || next.endsWith("ed")
              || (next.endsWith("s") && !next.endsWith("ss")))) {
        return true;
      }
      if (m.end() < masked.length() && masked.charAt(m.end()) == ',') {
        String rest = masked.substring(m.end(), Math.min(masked.length(), m.end() + 120));
        return APPOSITIVE_THEN_VERB.matcher(rest).find();
      }
      return false;
    }

    List<Found> quotes() {
      List<Found> out = new ArrayList<>();
      Integer previousSpeaker = null;
      int previousParagraph = -1;
      for (int q = 0; q < spans.size(); q++) {
        int open = spans.get(q)[0];
        int close = spans.get(q)[1];
        String inner = text.substring(open + 1, close).strip().replaceAll("[,\\s]+$", "");
        int paragraph = text.lastIndexOf('\n', open);
        if (paragraph != previousParagraph) {
          previousSpeaker = null;
          previousParagraph = paragraph;
        }
        if (dev.precis.text.Words.count(inner) < MIN_WORDS) {
          continue;
        }
        int[] who = attribute(q, open, close, paragraph);
        if (who != null && who[0] < 0) {
          // "…," said a spokesperson for Tony Blair: attributed, but to nobody named
          out.add(
              new Found(
                  doc.index(), open, close, inner, null, DESCRIBED, citation(doc, open, close)));
          previousSpeaker = null;
          continue;
        }
        if (who == null && previousSpeaker != null) {
          who = new int[] {previousSpeaker, CONTINUED};
        }
        if (who == null) {
          who = previousSentenceSubject(open, paragraph);
        }
        Integer speaker = who == null ? null : who[0];
        if (speaker != null) {
          previousSpeaker = speaker;
        }
        out.add(
            new Found(
                doc.index(),
                open,
                close,
                inner,
                speaker,
                who == null ? 0 : who[1],
                citation(doc, open, close)));
      }
      // "…" if we are faced with "…," added Larijani: a quotation continued in the same sentence
      for (int i = out.size() - 2; i >= 0; i--) {
        Found a = out.get(i);
        Found b = out.get(i + 1);
        String between = masked.substring(a.close() + 1, b.open());
        if (a.speaker() == null
            && a.strength() != DESCRIBED
            && b.speaker() != null
            && between.indexOf('\n') < 0
            && !hasSentenceEnd(between)) {
          out.set(
              i,
              new Found(
                  a.document(),
                  a.open(),
                  a.close(),
                  a.text(),
                  b.speaker(),
                  b.strength(),
                  a.citation()));
        }
      }
      return out;
    }

    /** [entity, strength] of the attribution next to a quotation, or null. */
    int[] attribute(int q, int open, int close, int paragraph) {
      int nextOpen = q + 1 < spans.size() ? spans.get(q + 1)[0] : text.length();
      int paraEnd = text.indexOf('\n', close);
      if (paraEnd < 0) {
        paraEnd = text.length();
      }
      int afterEnd = Math.min(Math.min(nextOpen, paraEnd), close + 200);
      String after = masked.substring(close + 1, afterEnd);
      int sentenceEnd = sentenceEnd(after);
      after = after.substring(0, sentenceEnd);
      afterEnd = close + 1 + after.length();
      // 1. after the quotation: "…," said X / "…," he said / "…," X said / "…" due to Y, said X
      Matcher v = VERB_START.matcher(after);
      if (v.find()) {
        Integer m = speakerAfterVerb(close + 1 + v.end(), afterEnd);
        if (m != null) {
          return new int[] {m, NAMED};
        }
        if (DESCRIBED_SPEAKER.matcher(after.substring(v.end())).find()) {
          return new int[] {-1, 0};
        }
      }
      Matcher sv = SUBJECT_VERB_START.matcher(after);
      if (sv.find() && sv.group(1) != null) {
        Integer m = resolvePronoun(sv.group(1), close + 1 + sv.start(1));
        if (m != null) {
          return new int[] {m, PRONOUN};
        }
      }
      Integer subject = subjectThenVerb(close + 1, afterEnd);
      if (subject != null) {
        return new int[] {subject, NAMED};
      }
      Matcher late = VERB_AFTER_COMMA.matcher(after);
      if (late.find()) {
        Integer m = speakerAfterVerb(close + 1 + late.end(), afterEnd);
        if (m != null) {
          return new int[] {m, NAMED};
        }
      }
      // 2. before it, in its sentence: X said: "…" / X said that "…" / he added: "…"
      int beforeStart = Math.max(paragraph + 1, open - 300);
      if (masked.substring(paragraph + 1, open).isBlank() && paragraph > 0) {
        // Ms North says:\n\n"…": the introducing paragraph ends with a colon
        int prevEnd = paragraph;
        while (prevEnd > 0 && Character.isWhitespace(masked.charAt(prevEnd - 1))) {
          prevEnd--;
        }
        if (prevEnd > 0 && masked.charAt(prevEnd - 1) == ':') {
          int prevStart = masked.lastIndexOf('\n', prevEnd - 1) + 1;
          beforeStart = Math.max(prevStart, prevEnd - 300);
          String intro = masked.substring(beforeStart, prevEnd);
          int[] who = attributeBefore(intro, beforeStart, open);
          if (who != null) {
            return who;
          }
        }
      }
      String before = masked.substring(beforeStart, open);
      int cut = Math.min(before.length(), lastSentenceBreak(before + "\""));
      return attributeBefore(before.substring(cut), beforeStart + cut, open);
    }

    /**
     * The speaker named in {@code before} (starting at offset {@code from}) for a quotation at
     * {@code open}.
     */
    int[] attributeBefore(String before, int from, int open) {
      int limit = from + before.length();
      Matcher verbs = VERB_ANYWHERE.matcher(before);
      int verbStart = -1;
      int verbEnd = -1;
      String verb = "";
      while (verbs.find()) {
        verbStart = from + verbs.start();
        verbEnd = from + verbs.end();
        verb = verbs.group().toLowerCase(Locale.ROOT);
      }
      if (verbStart >= 0) {
        Matcher p = PRONOUN_BEFORE_VERB.matcher(masked.substring(from, verbStart));
        if (p.find()) {
          Integer m = resolvePronoun(p.group(1), from + p.start(1));
          if (m != null) {
            return new int[] {m, PRONOUN};
          }
        }
        EntityExtractor.ResolvedMention adjacent = null;
        for (EntityExtractor.ResolvedMention m : mentions) {
          if (m.start() >= from
              && m.end() <= verbStart
              && ADJACENT_GAP.matcher(masked.substring(m.end(), verbStart)).matches()) {
            adjacent = m;
          }
        }
        if (adjacent != null) {
          return new int[] {adjacent.entity(), NAMED};
        }
        // after "told" or "asked" stands whom it was said to ("told the BBC"), not the speaker
        if (!ADDRESSEE_VERBS.contains(verb)) {
          Integer inverted = speakerAfterVerb(verbEnd, Math.min(open, limit + 1));
          if (inverted != null) {
            return new int[] {inverted, NAMED};
          }
        }
        Integer first = firstSubject(from, verbStart);
        if (first != null) {
          return new int[] {first, NAMED};
        }
        Matcher initial = INITIAL_PRONOUN.matcher(masked.substring(from, verbStart));
        if (initial.find()) {
          Integer m = resolvePronoun(initial.group(1), from + initial.start(1));
          if (m != null) {
            return new int[] {m, PRONOUN};
          }
        }
      }
      return null;
    }

    /** "…" opening a sentence after one that introduces a person: that person. */
    int[] previousSentenceSubject(int open, int paragraph) {
      String before = masked.substring(Math.max(paragraph + 1, 0), open);
      if (!before.isBlank() && !hasSentenceEnd(before.strip() + " X")) {
        return null; // the quotation does not open a sentence
      }
      int end = paragraph + 1 + before.length();
      String prior = before.strip();
      if (prior.isEmpty()) {
        return null;
      }
      int cut = lastSentenceBreak(prior.substring(0, Math.max(0, prior.length() - 1)));
      int from = paragraph + 1 + (before.length() - before.stripLeading().length()) + cut;
      for (EntityExtractor.ResolvedMention m : mentions) {
        if (m.start() >= from && m.end() <= end && type(m) == EntityType.PERSON) {
          return new int[] {m.entity(), CONTINUED};
        }
      }
      return null;
    }

    /** The speaker named right after a speech verb: "said White House spokesman Sean Spicer". */
    Integer speakerAfterVerb(int from, int limit) {
      EntityExtractor.ResolvedMention best = null;
      for (EntityExtractor.ResolvedMention m : mentions) {
        if (m.start() < from) {
          continue;
        }
        if (m.start() >= Math.min(limit, from + 80)) {
          break;
        }
        String gap = masked.substring(from, m.start());
        if (!ROLE_GAP.matcher(gap).matches()) {
          if (APPOSITIVE_GAP.matcher(gap).matches() && type(m) == EntityType.PERSON) {
            return m.entity(); // "said one local resident, Omen Cola,"
          }
          break; // "said a spokesperson for Tony Blair": the speaker is a description
        }
        if (type(m) == EntityType.PERSON) {
          return m.entity();
        }
        if (best == null && type(m) != EntityType.PLACE) {
          best = m;
        }
      }
      return best == null ? null : best.entity();
    }

    /** "…," Tillerson told reporters: a name right after the quotation, then a speech verb. */
    Integer subjectThenVerb(int from, int limit) {
      for (EntityExtractor.ResolvedMention m : mentions) {
        if (m.start() < from) {
          continue;
        }
        if (m.start() >= limit) {
          break;
        }
        if (!ROLE_GAP.matcher(masked.substring(from, m.start())).matches()) {
          return null;
        }
        String rest = masked.substring(m.end(), Math.min(limit, m.end() + 40));
        if (SUBJECT_VERB_START.matcher(rest).find()
            || APPOSITIVE_THEN_VERB.matcher(masked.substring(m.end(), limit)).find()) {
          return m.entity();
        }
      }
      return null;
    }

    /** The first person or organisation of a clause: "Putin, who …, insisted that". */
    Integer firstSubject(int from, int to) {
      Integer org = null;
      for (EntityExtractor.ResolvedMention m : mentions) {
        if (m.start() >= from && m.end() <= to && type(m) == EntityType.PERSON) {
          return m.entity();
        }
        if (org == null
            && m.start() >= from
            && m.end() <= to
            && type(m) == EntityType.ORGANIZATION) {
          org = m.entity();
        }
      }
      return org;
    }

    Integer resolvePronoun(String pronoun, int at) {
      String p = pronoun.toLowerCase(Locale.ROOT);
      EntityType want =
          p.equals("he") || p.equals("she") ? EntityType.PERSON : EntityType.ORGANIZATION;
      int[] best = null;
      for (int i = salient.size() - 1; i >= 0; i--) {
        int[] e = salient.get(i);
        if (e[0] < at && entities.get(e[1]).type() == want) {
          best = e;
          break;
        }
      }
      // "Xiao Tan, 32, of Chinese origin, …. "…," he told AFP": a person introduced in apposition
      for (int i = mentions.size() - 1; i >= 0; i--) {
        EntityExtractor.ResolvedMention m = mentions.get(i);
        if (m.start() >= at || type(m) != want) {
          continue;
        }
        if ((best == null || m.start() > best[0])
            && at - m.start() < 450
            && m.end() < masked.length()
            && masked.charAt(m.end()) == ',') {
          return m.entity();
        }
        break;
      }
      return best == null ? null : best[1];
    }
  }

  private static final Pattern ADJACENT_GAP =
      Pattern.compile(
          "[\\s,]*(?:who\\s+)?(?:(?:also|had|has|have|then|later|again|further|simply|once|would|will|was|is|had been|has been|,)\\s*)*");
  private static final Pattern ROLE_GAP =
      Pattern.compile(
          "[\\s,:]*(?:(?:the|[\\p{Lu}][\\p{L}.'’\\-]*|'s|’s|,|spokesman|spokeswoman|spokesperson|minister|secretary|official|president|ambassador|chief|head|envoy|department|ministry|foreign|deputy|general|analyst|commander|director|leader)[\\s,]*)*");
  private static final Pattern APPOSITIVE_THEN_VERB =
      Pattern.compile(
          "^,(?:[^,.;_\"“”]{0,80},){0,2}\\s*(?:also\\s+)?(?:"
              + VERBS
              + "|\\p{Ll}+ed|was|is|were|has|had)\\b");
  private static final Pattern DESCRIBED_SPEAKER =
      Pattern.compile("^\\s+(?:a|an|one|the|another)\\s+\\p{Ll}");
  private static final Pattern APPOSITIVE_GAP =
      Pattern.compile("[\\s,]*(?:(?:a|an|one|the)\\s+)?[\\p{Ll}\\s\\-]{0,40},\\s*");
  private static final Pattern INVERTED_SPEECH =
      Pattern.compile(
          "\\b(?:"
              + VERBS
              + ")\\s+(?:(?:the|[\\p{Lu}][\\p{L}.'’\\-]*|'s|spokesman|spokeswoman|minister|secretary|official|president|analyst|department)\\s+){0,5}$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VERBISH =
      Pattern.compile(
          "^\\s*(?:(?:\\w+ly|also|later|then|has|had|have|was|is|will|would|had been|has been)\\s+)*(?:"
              + VERBS
              + "|\\p{Ll}+ed|\\p{Ll}+s)\\b");
  private static final Pattern VERB_AFTER_COMMA =
      Pattern.compile(",\\s*(?:" + VERBS + ")\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern INITIAL_PRONOUN =
      Pattern.compile(
          "^\\s*(?:\\p{Lu}\\p{Ll}+,\\s*)?(?:But\\s+|And\\s+)?(He|She|It|They|he|she|it|they)\\b");

  private static boolean hasSentenceEnd(String s) {
    return sentenceEnd(s) < s.length();
  }

  /** Offset just after the first sentence end in {@code s} (". X" or '. "'), else its length. */
  private static int sentenceEnd(String s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      char c = s.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(s.charAt(i + 1))) {
        char n = s.charAt(i + 2);
        if (Character.isUpperCase(n) || n == '"' || n == '“') {
          if (!(i >= 2
              && s.substring(Math.max(0, i - 3), i)
                  .matches(".*\\b(Mr|Ms|Dr|Mrs|St|Gen|Sen|Rep|Gov|\\p{Lu})$"))) {
            return i + 1;
          }
        }
      }
    }
    return s.length();
  }

  private static int lastSentenceBreak(String before) {
    int cut = 0;
    for (int i = 0; i + 2 < before.length(); i++) {
      char c = before.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(before.charAt(i + 1))) {
        char n = before.charAt(i + 2);
        if ((Character.isUpperCase(n) || n == '"' || n == '“')
            && !(i >= 2
                && before
                    .substring(Math.max(0, i - 3), i)
                    .matches(".*\\b(Mr|Ms|Dr|Mrs|St|Gen|Sen|Rep|Gov|\\p{Lu})$"))) {
          cut = i + 2;
        }
      }
    }
    return cut;
  }

  private static boolean inside(List<int[]> spans, int offset) {
    for (int[] s : spans) {
      if (offset > s[0] && offset < s[1]) {
        return true;
      }
    }
    return false;
  }

  private static Citation citation(Document d, int open, int close) {
    int start = open;
    int end = close + 1;
    for (Sentence s : d.sentences()) {
      if (s.end() > open && s.start() <= close) {
        start = Math.min(start, s.start());
        end = Math.max(end, s.end());
      }
    }
    return new Citation(d.index(), start, end);
  }

  // ---------------------------------------------------------------- merging across articles

  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}\\p{N}']+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static Set<String> trigrams(List<String> w) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 < w.size(); i++) {
      out.add(w.get(i) + ' ' + w.get(i + 1) + ' ' + w.get(i + 2));
    }
    if (w.size() < 3) {
      out.add(String.join(" ", w));
    }
    return out;
  }

  /**
   * Whether two versions are one quotation: most of the shorter one's trigrams are in the other.
   */
  static boolean sameQuote(String a, String b) {
    return sameQuote(trigrams(words(a)), trigrams(words(b)));
  }

  private static boolean sameQuote(Set<String> ta, Set<String> tb) {
    Set<String> small = ta.size() <= tb.size() ? ta : tb;
    Set<String> large = small == ta ? tb : ta;
    if (small.isEmpty()) {
      return false;
    }
    int hit = 0;
    for (String g : small) {
      if (large.contains(g)) {
        hit++;
      }
    }
    return hit >= 2 && hit >= 0.6 * small.size();
  }

  private static List<Quote> merge(List<Found> found, List<Entity> entities) {
    int n = found.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    List<Set<String>> grams = new ArrayList<>(n);
    for (Found f : found) {
      grams.add(trigrams(words(f.text())));
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (sameQuote(grams.get(i), grams.get(j))) {
          parent[find(parent, j)] = find(parent, i);
        }
      }
    }
    Map<Integer, List<Found>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(found.get(i));
    }
    List<Quote> out = new ArrayList<>();
    for (List<Found> g : groups.values()) {
      Found longest = g.stream().max(Comparator.comparingInt(f -> f.text().length())).orElseThrow();
      Map<Integer, Integer> votes = new HashMap<>();
      for (Found f : g) {
        if (f.speaker() != null) {
          votes.merge(f.speaker(), f.strength(), Integer::sum);
        }
      }
      Integer speaker =
          votes.entrySet().stream()
              .max(
                  Map.Entry.<Integer, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
              .map(Map.Entry::getKey)
              .orElse(null);
      Set<String> variants = new LinkedHashSet<>();
      List<Citation> citations = new ArrayList<>();
      for (Found f : g) {
        if (!f.text().equals(longest.text())) {
          variants.add(f.text());
        }
        if (!citations.contains(f.citation())) {
          citations.add(f.citation());
        }
      }
      out.add(
          new Quote(
              longest.text(),
              speaker == null ? null : entities.get(speaker).name(),
              new ArrayList<>(variants),
              citations));
    }
    out.sort(
        Comparator.comparingLong((Quote q) -> -q.outlets())
            .thenComparingInt(q -> q.citations().get(0).document())
            .thenComparingInt(q -> q.citations().get(0).start()));
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
