package dev.precis.summarize;

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

  private SentenceTraits() {}

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
