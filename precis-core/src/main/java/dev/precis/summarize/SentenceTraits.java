package dev.precis.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Surface checks that decide whether a sentence can stand alone in a summary: does it open with a
 * word that points back to something the reader has not seen ("He", "But", "This"), is it a
 * headline, a cut-off fragment, a bare quote or page furniture. General rules on the sentence text
 * only, so they work on any source and on lower-cased, tokenised corpora alike.
 */
public final class SentenceTraits {
  /**
   * First words that refer back to an earlier sentence: personal and demonstrative pronouns and
   * discourse connectives. "The" or names are fine: they name their referent.
   */
  private static final Set<String> DANGLING_OPENERS =
      Set.of(
          "he",
          "she",
          "it",
          "they",
          "him",
          "her",
          "his",
          "hers",
          "its",
          "their",
          "theirs",
          "them",
          "this",
          "these",
          "those",
          "that",
          "such",
          "but",
          "however",
          "also",
          "and",
          "or",
          "nor",
          "so",
          "yet",
          "still",
          "meanwhile",
          "moreover",
          "furthermore",
          "nevertheless",
          "nonetheless",
          "instead",
          "thus",
          "therefore",
          "hence",
          "then",
          "besides",
          "otherwise",
          "likewise",
          "similarly",
          "consequently",
          "accordingly",
          "indeed",
          "though",
          "although",
          "whereas",
          "afterwards",
          "afterward",
          "additionally",
          "another",
          "others",
          "both",
          "neither",
          "either",
          "here",
          "that's",
          "it's",
          "he's",
          "she's",
          "they're",
          "they've",
          "he'd",
          "she'd",
          "they'd",
          "we",
          "us",
          "our",
          "i",
          "you",
          "my",
          "your",
          "himself",
          "herself",
          "themselves",
          "former",
          "latter",
          "same",
          "anyway");

  /** Two-word openers that refer back ("In addition", "At the same time", "As a result"). */
  private static final Set<String> DANGLING_PAIRS =
      Set.of(
          "in addition",
          "as well",
          "as a",
          "on the",
          "in contrast",
          "by contrast",
          "in turn",
          "as such",
          "for his",
          "for her",
          "for their",
          "to him",
          "to her",
          "of his",
          "of her",
          "of their",
          "at the",
          "the latter",
          "the former",
          "the same",
          "the two",
          "the other",
          "in response",
          "for example",
          "for instance",
          "in fact",
          "of course",
          "even so",
          "after that",
          "before that",
          "since then",
          "until then",
          "by then",
          "in that");

  /** Words and signs of page furniture rather than reporting. */
  private static final Set<String> FURNITURE_WORDS =
      Set.of(
          "click",
          "subscribe",
          "newsletter",
          "cookies",
          "cookie",
          "javascript",
          "browser",
          "advertisement",
          "sign-up",
          "signup",
          "login",
          "log-in",
          "copyright",
          "reserved",
          "e-mail",
          "email",
          "emails",
          "download",
          "app",
          "follow",
          "twitter",
          "facebook",
          "instagram",
          "newsletters",
          "inbox",
          "unsubscribe",
          "getty",
          "caption",
          "photo",
          "image",
          "video",
          "playback",
          "media",
          "loading",
          "updated",
          "posted");

  /** "WASHINGTON (AP) — ", "Dover, Fla. - ", "( cnn ) -- ": up to seven words, then a dash. */
  private static final java.util.regex.Pattern DATELINE =
      java.util.regex.Pattern.compile(
          "^((?:\\S+\\s+){0,6}?\\S+)\\s+(?:-{1,2}|\u2014|\u2013|_)\\s+(?=\\S)");

  /** Words that show a dash-ended prefix is a clause ("The plan — "), not a place line. */
  private static final Set<String> CLAUSE_WORDS =
      Set.of(
          "the", "a", "an", "to", "of", "would", "will", "is", "was", "were", "are", "be", "been",
          "that", "this", "for", "with", "and", "but", "it", "he", "she", "they", "i", "we", "you",
          "in", "on", "at", "said", "says", "has", "have", "had", "not", "from", "as", "his",
          "her");

  /**
   * Nouns a definite description uses to point back at something an earlier sentence introduced:
   * statements, roles and events ("the statement", "the official", "the two leaders", "the
   * attack"). Names and "the president of X" name their referent; these do not.
   */
  private static final Set<String> BACK_NOUNS =
      Set.of(
          "statement",
          "announcement",
          "remarks",
          "comments",
          "comment",
          "official",
          "officials",
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "minister",
          "leader",
          "leaders",
          "attack",
          "attacks",
          "incident",
          "move",
          "decision",
          "deal",
          "agreement",
          "report",
          "plan",
          "proposal",
          "measure",
          "ruling",
          "order",
          "letter",
          "suspect",
          "suspects",
          "victim",
          "victims",
          "man",
          "woman",
          "pair",
          "couple",
          "crash",
          "strike",
          "vote",
          "event",
          "study",
          "survey",
          "visit",
          "trip",
          "meeting",
          "call",
          "interview",
          "bill",
          "case",
          "accident",
          "explosion",
          "blast",
          "shooting",
          "operation",
          "request",
          "investigation",
          "probe",
          "review",
          "document",
          "video",
          "footage",
          "findings",
          "union",
          "men",
          "women",
          "two",
          "three",
          "group",
          "company",
          "agency",
          "court",
          "judge",
          "jury",
          "panel",
          "committee",
          "commission",
          "law",
          "policy",
          "program",
          "programme",
          "talks",
          "summit",
          "conference",
          "speech",
          "trial",
          "sentence",
          "ban",
          "quake",
          "earthquake",
          "storm",
          "fire",
          "war",
          "conflict",
          "ceasefire",
          "truce",
          "protest",
          "protests",
          "protesters");

  /** Words after the noun that make the description name its own referent ("the attack on"). */
  private static final Set<String> SELF_IDENTIFYING =
      Set.of(
          "of", "on", "in", "that", "which", "who", "by", "against", "at", "from", "between", "for",
          "into", "to", "over", "with", "where", "when", "led", "known", "called", "named", "'s");

  /** Modifiers allowed between "the" and the noun ("the two leaders", "the Russian minister"). */
  private static final Set<String> BACK_MODIFIERS =
      Set.of(
          "two",
          "three",
          "four",
          "five",
          "former",
          "new",
          "latest",
          "same",
          "earlier",
          "recent",
          "joint",
          "senior",
          "top",
          "deadly",
          "first",
          "second",
          "initial",
          "original");

  /** A quotation attributed to a pronoun: '"...," he said.' or '..., said she.' */
  private static final java.util.regex.Pattern PRONOUN_SPEAKER =
      java.util.regex.Pattern.compile(
          "(?i)(?:[,.!?]['\"\u201d\u2019]?\\s+|\\s)(?:he|she|they)\\s+(?:said|says|added|told|asked|"
              + "continued|noted|explained|argued|wrote|insisted|warned|stressed|declared|replied|"
              + "recalled|tweeted)\\b|\\b(?:said|says|added|told)\\s+(?:he|she)\\b");

  private SentenceTraits() {}

  /**
   * The noun of a definite description that points back at an earlier sentence ("The statement made
   * no reference...", "...the two leaders agreed", "the official said"), or null. A description
   * followed by what identifies it ("the attack on the embassy", "the statement that ...") names
   * its own referent and does not count.
   */
  public static String backReference(String sentence) {
    List<int[]> spans = new ArrayList<>();
    java.util.regex.Matcher m = WORD.matcher(sentence);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    String[] w = new String[spans.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = sentence.substring(spans.get(i)[0], spans.get(i)[1]);
    }
    for (int i = 0; i < w.length; i++) {
      if (!w[i].equalsIgnoreCase("the")) {
        continue;
      }
      int j = i + 1;
      boolean named = false;
      // up to two modifiers: listed ones, or a capitalised word ("the Russian minister")
      for (int k = 0; k < 2 && j + 1 < w.length; k++) {
        String lower = w[j].toLowerCase(Locale.ROOT);
        if (BACK_MODIFIERS.contains(lower)) {
          j++;
        } else if (Character.isUpperCase(w[j].charAt(0)) && isBackNoun(w[j + 1])) {
          named = true;
          j++;
        } else {
          break;
        }
      }
      if (j >= w.length || !isBackNoun(w[j])) {
        continue;
      }
      String noun = w[j].toLowerCase(Locale.ROOT);
      if (named && !ROLE_NOUNS.contains(noun)) {
        continue; // "the G7 summit", "the US decision": the name says which
      }
      if (isNumberWord(noun) && (j + 1 >= w.length || !isBackNoun(w[j + 1]))) {
        continue; // "the two" alone is handled by the opener rules
      }
      String next = j + 1 < w.length ? w[j + 1] : "";
      String after = sentence.substring(spans.get(j)[1]);
      if (SELF_IDENTIFYING.contains(next.toLowerCase(Locale.ROOT))
          || next.endsWith("'s")
          || next.endsWith("\u2019s")
          || (!next.isEmpty() && Character.isUpperCase(next.charAt(0)))
          || after.matches("(?s)\\s*,\\s*\\p{Lu}.*")) {
        continue; // named right after: "the attack on ...", "the case, Mahanoy v. B.L."
      }
      boolean earlier = false;
      for (int k = 0; k < i; k++) {
        earlier |= w[k].equalsIgnoreCase(noun);
      }
      if (!earlier) {
        return noun;
      }
    }
    return null;
  }

  private static final java.util.regex.Pattern WORD =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019]*");

  /** People by role: "the Russian minister" still needs the sentence that named him. */
  private static final Set<String> ROLE_NOUNS =
      Set.of(
          "official",
          "officials",
          "spokesman",
          "spokeswoman",
          "spokesperson",
          "minister",
          "leader",
          "leaders",
          "suspect",
          "suspects",
          "victim",
          "victims",
          "man",
          "woman",
          "men",
          "women",
          "judge");

  private static boolean isBackNoun(String w) {
    return !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && BACK_NOUNS.contains(w);
  }

  private static boolean isNumberWord(String w) {
    return w.equals("two") || w.equals("three");
  }

  /**
   * True when the sentence quotes someone named only by a pronoun ('"We will win," he said.'): the
   * reader needs the sentence that introduced the speaker.
   */
  public static boolean hasPronounSpeaker(String sentence) {
    boolean quotes =
        sentence.indexOf('"') >= 0
            || sentence.indexOf('\u201c') >= 0
            || sentence.indexOf('\u201d') >= 0;
    return quotes && PRONOUN_SPEAKER.matcher(sentence).find();
  }

  /**
   * True when the sentence leans on one before it: a back-pointing definite description or a quote
   * attributed to a pronoun ({@link #backReference}, {@link #hasPronounSpeaker}).
   */
  public static boolean needsAntecedent(String sentence) {
    return backReference(sentence) != null || hasPronounSpeaker(sentence);
  }

  /**
   * Length of a leading dateline or source tag ("WASHINGTON (Reuters) - ", "denver — "), or 0. Such
   * a prefix carries no content of its own and costs budget words.
   */
  public static int datelineLength(String sentence) {
    java.util.regex.Matcher m = DATELINE.matcher(sentence);
    if (!m.find()) {
      return 0;
    }
    for (String w : m.group(1).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (CLAUSE_WORDS.contains(w)) {
        return 0;
      }
    }
    String rest = sentence.substring(m.end());
    if (dev.precis.text.Words.count(rest) < 6) {
      return 0;
    }
    char c = rest.charAt(0);
    return Character.isLetterOrDigit(c) || c == '"' || c == '\u201c' ? m.end() : 0;
  }

  /**
   * True when the sentence opens with a pronoun or connective that refers back to an earlier
   * sentence ("He said...", "But the plan...", "This is..."), so it cannot open a summary or follow
   * an unrelated sentence.
   */
  public static boolean opensWithDanglingReference(String sentence) {
    String[] first = firstWords(sentence, 3);
    if (first.length == 0) {
      return false;
    }
    if (DANGLING_OPENERS.contains(first[0])) {
      return true;
    }
    if (first.length >= 2) {
      String pair = first[0] + " " + first[1];
      if (DANGLING_PAIRS.contains(pair)) {
        // "On the" and "At the" are only dangling when followed by a reference word
        if (pair.equals("on the") || pair.equals("at the") || pair.equals("as a")) {
          return first.length >= 3
              && (first[2].equals("other")
                  || first[2].equals("same")
                  || first[2].equals("result")
                  || first[2].equals("time"));
        }
        return true;
      }
    }
    return false;
  }

  /**
   * True when the sentence is not a complete reporting sentence: a headline or label (no final
   * stop), a cut-off fragment, a question, a bare quotation without attribution, or page furniture
   * ({@link #isFurniture}).
   */
  public static boolean isFragment(String sentence) {
    String s = sentence.strip();
    if (s.isEmpty()) {
      return true;
    }
    char last = lastNonCloser(s);
    if (last != '.' && last != '!') {
      return true; // headline, label, cut-off text, question or colon-introduced list
    }
    return isBareQuote(s) || isFurniture(s);
  }

  /** Markers of page furniture glued into text: links, credits, prompts, teasers. */
  private static final String[] FURNITURE_MARKERS = {
    "http:",
    "https:",
    "www.",
    ".com/",
    "@",
    "posted:",
    "updated:",
    "photo:",
    "photos:",
    "image:",
    "click here",
    "sign up",
    "all rights reserved",
    "copyright",
    "\u00a9",
    "advertisement",
    "continue reading",
    "read more",
    "related:",
    "more:",
    "watch:",
    "listen:",
    "caption",
    "enter the characters",
    "javascript",
    "your browser",
    "story can end here",
    "end optional",
    "optional trim",
    "&ur;",
    "&lr;",
    "&amp;"
  };

  /**
   * True for page furniture rather than reporting: share prompts, photo credits, links, bylines
   * with timestamps, "Related:" teasers. Never a summary sentence while others exist.
   */
  public static boolean isFurniture(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (String m : FURNITURE_MARKERS) {
      if (lower.contains(m)) {
        return true;
      }
    }
    int furniture = 0;
    int words = 0;
    for (String w : lower.split("[^\\p{L}\\p{N}'-]+")) {
      if (w.isEmpty()) {
        continue;
      }
      words++;
      if (FURNITURE_WORDS.contains(w)) {
        furniture++;
      }
    }
    // share prompts and credits are short and dense in these words; reporting sentences are not
    return furniture >= 2 && furniture * 6 >= words;
  }

  /** A sentence that is entirely one quotation, with nothing saying who said it. */
  static boolean isBareQuote(String s) {
    char first = s.charAt(0);
    if (first != '"' && first != '\u201c' && first != '\'' && first != '\u2018') {
      return false;
    }
    char last = s.charAt(s.length() - 1);
    if (last != '"' && last != '\u201d' && last != '\'' && last != '\u2019') {
      return false;
    }
    // an attribution ("..., he said.") closes and reopens the quote; a bare quote has one pair
    int quotes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\u201c' || c == '\u201d') {
        quotes++;
      }
    }
    return quotes <= 2;
  }

  private static char lastNonCloser(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == '"'
          || c == '\''
          || c == ')'
          || c == ']'
          || c == '\u201d'
          || c == '\u2019'
          || Character.isWhitespace(c)) {
        continue;
      }
      return c;
    }
    return ' ';
  }

  private static String[] firstWords(String sentence, int n) {
    String[] out = new String[n];
    int k = 0;
    int i = 0;
    int len = sentence.length();
    while (k < n && i < len) {
      while (i < len && !isWordChar(sentence.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < len && (isWordChar(sentence.charAt(i)) || isInnerApostrophe(sentence, i))) {
        i++;
      }
      if (i > start) {
        out[k++] = sentence.substring(start, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      }
      if (i < len && sentence.charAt(i) == ',' && k == 1) {
        break; // "However, ..." — the comma closes the opener
      }
    }
    return k == n ? out : java.util.Arrays.copyOf(out, k);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static boolean isInnerApostrophe(String s, int i) {
    char c = s.charAt(i);
    return (c == '\'' || c == '\u2019')
        && i + 1 < s.length()
        && Character.isLetter(s.charAt(i + 1));
  }
}
