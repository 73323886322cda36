package dev.precis.summarize;

import java.util.Set;

/**
 * Turns sentence text into the tokens concepts are built from: lower-cased alphanumeric runs (as
 * ROUGE tokenises), light suffix stripping so "talks"/"talk" and "voted"/"votes" meet, and a
 * stop-word test. Kept separate so summarizers and citation matching share one definition.
 */
final class ConceptTokens {
  /** Function words: a concept made only of these says nothing about the story. */
  static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "am",
          "an",
          "and",
          "any",
          "are",
          "as",
          "at",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "could",
          "did",
          "do",
          "does",
          "doing",
          "down",
          "during",
          "each",
          "even",
          "ever",
          "few",
          "for",
          "from",
          "further",
          "get",
          "got",
          "had",
          "has",
          "have",
          "having",
          "he",
          "her",
          "here",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "i",
          "if",
          "in",
          "into",
          "is",
          "it",
          "its",
          "itself",
          "just",
          "last",
          "like",
          "may",
          "me",
          "might",
          "more",
          "most",
          "much",
          "must",
          "my",
          "myself",
          "new",
          "no",
          "nor",
          "not",
          "now",
          "of",
          "off",
          "on",
          "once",
          "one",
          "only",
          "or",
          "other",
          "our",
          "ours",
          "out",
          "over",
          "own",
          "said",
          "same",
          "say",
          "says",
          "she",
          "should",
          "since",
          "so",
          "some",
          "still",
          "such",
          "than",
          "that",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "these",
          "they",
          "this",
          "those",
          "through",
          "to",
          "too",
          "two",
          "under",
          "until",
          "up",
          "upon",
          "us",
          "very",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "whether",
          "which",
          "while",
          "who",
          "whom",
          "whose",
          "why",
          "will",
          "with",
          "would",
          "yet",
          "you",
          "your",
          "yours",
          "s",
          "t",
          "d",
          "ll",
          "m",
          "re",
          "ve",
          "mr",
          "mrs",
          "ms",
          "according",
          "told",
          "year",
          "years",
          "many",
          "well",
          "made",
          "make",
          "however",
          "including",
          "among",
          "already",
          "around",
          "within",
          "without",
          "another",
          "every",
          "back",
          "first");

  private ConceptTokens() {}

  /** Appends the lower-cased alphanumeric tokens of {@code text} to {@code out}. */
  static void tokenize(String text, java.util.List<String> out) {
    int n = text.length();
    int i = 0;
    StringBuilder b = new StringBuilder();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.setLength(0);
        while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
          b.append(Character.toLowerCase(text.charAt(i)));
          i++;
        }
        out.add(b.toString());
      } else {
        i++;
      }
    }
  }

  static boolean isStopWord(String token) {
    return STOP_WORDS.contains(token);
  }

  /**
   * A light English stemmer (plural and verb endings only): conservative, so it never merges
   * unrelated words, and cheap enough for every token of every cluster.
   */
  static String stem(String w) {
    String s = stripSuffix(w);
    // "vote", "votes", "voted", "voting" all end as "vot"
    int n = s.length();
    return n > 3 && s.charAt(n - 1) == 'e' ? s.substring(0, n - 1) : s;
  }

  private static String stripSuffix(String w) {
    int n = w.length();
    if (n <= 3 || !Character.isLetter(w.charAt(n - 1))) {
      return w;
    }
    if (w.endsWith("ies") && n > 4) {
      return w.substring(0, n - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
      return w.substring(0, n - 2);
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, n - 1);
    }
    if (w.endsWith("ing") && n > 5 && hasVowel(w, n - 3)) {
      return undouble(w.substring(0, n - 3));
    }
    if (w.endsWith("ed") && n > 4 && hasVowel(w, n - 2)) {
      if (w.endsWith("ied")) {
        return w.substring(0, n - 3) + "y";
      }
      return undouble(w.substring(0, n - 2));
    }
    return w;
  }

  private static boolean hasVowel(String w, int end) {
    for (int i = 0; i < end; i++) {
      char c = w.charAt(i);
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') {
        return true;
      }
    }
    return false;
  }

  /** "stopp" → "stop", but "call" and "pass" keep their pair. */
  private static String undouble(String s) {
    int n = s.length();
    if (n >= 3 && s.charAt(n - 1) == s.charAt(n - 2)) {
      char c = s.charAt(n - 1);
      if (c != 'l' && c != 's' && c != 'z') {
        return s.substring(0, n - 1);
      }
    }
    return s;
  }
}
