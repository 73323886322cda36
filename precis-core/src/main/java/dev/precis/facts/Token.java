package dev.precis.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word or punctuation mark with its offsets in the article text.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param text the characters
 */
record Token(int start, int end, String text) {
  // dotted acronyms (U.S., D.C.), words with inner apostrophes/hyphens, numbers with , and .
  private static final Pattern WORD =
      Pattern.compile(
          "(?:\\p{L}\\.){2,}|\\p{Lu}\\.(?=\\s+\\p{Lu})|[\\p{L}\\d]+\\.(?:com|org|net)\\b|\\d+(?:[.,:]\\d+)*|[\\p{L}\\p{M}\\d]+(?:['’\\-][\\p{L}\\p{M}\\d]+)*|\\S");

  boolean isWord() {
    return Character.isLetterOrDigit(text.charAt(0));
  }

  /** "P." in "P. J. Crowley". */
  boolean isInitial() {
    return text.length() == 2 && text.charAt(1) == '.' && Character.isUpperCase(text.charAt(0));
  }

  boolean isCapitalised() {
    return Character.isUpperCase(text.charAt(0));
  }

  boolean is(String s) {
    return text.equalsIgnoreCase(s);
  }

  /**
   * Tokens of {@code text[from, to)}. Possessive endings ('s) become their own token, and words a
   * scraper glued together ("TillersonRex") are split at the lower→upper case change.
   */
  static List<Token> tokenize(String text, int from, int to) {
    List<Token> out = new ArrayList<>();
    Matcher m = WORD.matcher(text).region(from, to);
    while (m.find()) {
      int s = m.start();
      int e = m.end();
      String t = m.group();
      if (t.length() > 2 && (t.endsWith("'s") || t.endsWith("’s"))) {
        addSplit(out, text, s, e - 2);
        out.add(new Token(e - 2, e, text.substring(e - 2, e)));
      } else {
        addSplit(out, text, s, e);
      }
    }
    return out;
  }

  private static void addSplit(List<Token> out, String text, int s, int e) {
    // "TillersonRex" -> "Tillerson" "Rex"; keeps "McEnany", "DeVos", "iPhone"
    for (int i = s + 4; i < e - 1; i++) {
      if (Character.isLowerCase(text.charAt(i - 1))
          && Character.isUpperCase(text.charAt(i))
          && Character.isLowerCase(text.charAt(i + 1))
          && Character.isUpperCase(text.charAt(s))) {
        out.add(new Token(s, i, text.substring(s, i)));
        s = i;
        i = s + 3;
      }
    }
    out.add(new Token(s, e, text.substring(s, e)));
  }
}
