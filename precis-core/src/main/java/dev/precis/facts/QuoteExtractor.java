package dev.precis.facts;

import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds direct quotations and their speakers. A speaker is read from the attribution next to the
 * quotation ("…," said Lavrov / "…," Tillerson told reporters / Trump added: "…"); a pronoun ("he
 * added") resolves to the most recent person named as the subject of a speech verb outside
 * quotations; a quotation without attribution continues the speaker of the previous one in its
 * paragraph. Quotations carried by several articles, whole or in part, are merged.
 */
final class QuoteExtractor implements FactFinder<List<Quote>> {
  /** Quotations shorter than this are scare quotes ("barbaric"), not statements. */
  static final int MIN_WORDS = 4;

  static final String VERBS =
      "said|says|say|told|tells|added|adds|stated|declared|noted|explained|asked|replied|responded"
          + "|insisted|claimed|claims|warned|argued|wrote|writes|tweeted|announced|continued|remarked"
          + "|recalled|conceded|acknowledged|urged|emphasized|emphasised|stressed|suggested|admitted"
          + "|complained|repeated|reiterated|concluded|observed|cautioned|vowed|pledged|boasted"
          + "|described|recounted|commented|saying|adding|promised|indicated|mentioned|answered|quoted";
  static final Set<String> VERB_SET = Set.of(VERBS.split("\\|"));
  static final Set<String> ADDRESSEE_VERBS = Set.of("told", "tells", "asked", "answered");
  static final Set<String> AUXILIARIES =
      Set.of(
          "also", "later", "then", "further", "again", "simply", "once", "has", "had", "have",
          "was", "is", "will", "would", "been");
  static final Set<String> ROLE_WORDS =
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

  static final Pattern VERB_START =
      Pattern.compile("^\\s*(?:[,.:;!?]\\s*)?(?:" + VERBS + ")\\b", Pattern.CASE_INSENSITIVE);
  static final Pattern SUBJECT_VERB_START =
      Pattern.compile(
          "^\\s*(?:[,.:;!?—-]\\s*)?(?:(he|she|it|they)\\s+)?(?:(?:also|later|then|further|again|simply|once)\\s+)?(?:"
              + VERBS
              + ")\\b",
          Pattern.CASE_INSENSITIVE);
  static final Pattern VERB_ANYWHERE =
      Pattern.compile("\\b(?:" + VERBS + "|according to)\\b", Pattern.CASE_INSENSITIVE);
  static final Pattern PRONOUN_BEFORE_VERB =
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

  private final EntityExtractor entityFinder;

  static final int NAMED = 3;
  static final int PRONOUN = 2;
  static final int CONTINUED = 1;

  /** Attributed to a description ("a spokesperson for …"): no name, and none to borrow. */
  static final int DESCRIBED = -1;

  /** Finds the speakers among the entities that {@code entityFinder} finds. */
  QuoteExtractor(EntityExtractor entityFinder) {
    this.entityFinder = entityFinder;
  }

  @Override
  public List<Quote> find(FoundFacts story) {
    EntityExtractor.Result entities = story.of(entityFinder);
    List<Found> found = new ArrayList<>();
    for (Document d : story.docs()) {
      found.addAll(inDocument(d, entities));
    }
    return QuoteMerger.merge(found, entities.entities());
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
    return new QuoteAttribution(d, entities).quotes();
  }

  static final Pattern ADJACENT_GAP =
      Pattern.compile(
          "[\\s,]*(?:who\\s+)?(?:(?:also|had|has|have|then|later|again|further|simply|once|would|will|was|is|had been|has been|,)\\s*)*");
  static final Pattern ROLE_GAP =
      Pattern.compile(
          "[\\s,:]*(?:(?:the|[\\p{Lu}][\\p{L}.'’\\-]*|'s|’s|,|spokesman|spokeswoman|spokesperson|minister|secretary|official|president|ambassador|chief|head|envoy|department|ministry|foreign|deputy|general|analyst|commander|director|leader)[\\s,]*)*");
  static final Pattern APPOSITIVE_THEN_VERB =
      Pattern.compile(
          "^,(?:[^,.;_\"“”]{0,80},){0,2}\\s*(?:also\\s+)?(?:"
              + VERBS
              + "|\\p{Ll}+ed|was|is|were|has|had)\\b");
  static final Pattern DESCRIBED_SPEAKER =
      Pattern.compile("^\\s+(?:a|an|one|the|another)\\s+\\p{Ll}");
  static final Pattern APPOSITIVE_GAP =
      Pattern.compile("[\\s,]*(?:(?:a|an|one|the)\\s+)?[\\p{Ll}\\s\\-]{0,40},\\s*");
  static final Pattern INVERTED_SPEECH =
      Pattern.compile(
          "\\b(?:"
              + VERBS
              + ")\\s+(?:(?:the|[\\p{Lu}][\\p{L}.'’\\-]*|'s|spokesman|spokeswoman|minister|secretary|official|president|analyst|department)\\s+){0,5}$",
          Pattern.CASE_INSENSITIVE);
  static final Pattern VERBISH =
      Pattern.compile(
          "^\\s*(?:(?:\\w+ly|also|later|then|has|had|have|was|is|will|would|had been|has been)\\s+)*(?:"
              + VERBS
              + "|\\p{Ll}+ed|\\p{Ll}+s)\\b");
  static final Pattern VERB_AFTER_COMMA =
      Pattern.compile(",\\s*(?:" + VERBS + ")\\b", Pattern.CASE_INSENSITIVE);
  static final Pattern INITIAL_PRONOUN =
      Pattern.compile(
          "^\\s*(?:\\p{Lu}\\p{Ll}+,\\s*)?(?:But\\s+|And\\s+)?(He|She|It|They|he|she|it|they)\\b");

  static boolean hasSentenceEnd(String s) {
    return sentenceEnd(s) < s.length();
  }

  /** Offset just after the first sentence end in {@code s} (". X" or '. "'), else its length. */
  static int sentenceEnd(String s) {
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

  static int lastSentenceBreak(String before) {
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

  static boolean inside(List<int[]> spans, int offset) {
    for (int[] s : spans) {
      if (offset > s[0] && offset < s[1]) {
        return true;
      }
    }
    return false;
  }

  static Citation citation(Document d, int open, int close) {
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

}
