package dev.precis.text;

/**
 * Removes inline hover-cards that some outlets (The Hill, for one) glue into a person's name when
 * the page is flattened to text: {@code "Rex TillersonRex Wayne TillersonHow the US could ... MORE
 * spoke"} becomes {@code "Rex Tillerson spoke"}.
 *
 * <p>The card is recognised by its shape, not by names: a capitalised word W immediately followed
 * (no space) by an upper-case letter, the same word W again within a short full name, glued to a
 * run of teaser text that ends with a link label: the first all-capital word of three letters or
 * more after which the sentence resumes, in lower case or with punctuation ({@code "... MORE
 * spoke"}, {@code "... MORE (D-Minn.)"}). Each candidate is checked within bounded windows, so the
 * scan stays linear in the text length.
 */
final class HoverCards {
  /** Longest surname considered; bounds the backward scan so the pass stays linear. */
  private static final int MAX_SURNAME = 30;

  /** Longest full name inside a card ("Rex Wayne Tillerson"). */
  private static final int MAX_NAME = 80;

  /** Longest teaser run before the closing "MORE". */
  private static final int MAX_TEASER = 800;

  /**
   * Fewest capitals in the link label that closes a card; shorter all-capital words are acronyms
   * inside the teaser ("How the US could").
   */
  private static final int MIN_LABEL = 3;

  private HoverCards() {}

  /** The text with every hover-card removed; the same instance when there is none. */
  static String strip(String s) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    for (int i = 1; i < n; i++) {
      if (!Character.isUpperCase(s.charAt(i)) || !Character.isLowerCase(s.charAt(i - 1))) {
        continue;
      }
      int wordStart = i - 1;
      int limit = Math.max(0, i - MAX_SURNAME);
      while (wordStart > limit && Character.isLetter(s.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (!Character.isUpperCase(s.charAt(wordStart))
          || i - wordStart < 2
          || wordStart > 0 && Character.isLetter(s.charAt(wordStart - 1))) {
        continue; // not a capitalised word of name length
      }
      String surname = s.substring(wordStart, i);
      int end = cardEnd(s, i, surname);
      if (end < 0) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(s, copied, i);
      copied = end;
      i = end;
    }
    if (out == null) {
      return s;
    }
    out.append(s, copied, n);
    return out.toString();
  }

  /** End of the card that starts at {@code from} (just after the glued surname), or -1. */
  private static int cardEnd(String s, int from, String surname) {
    int n = s.length();
    int nameLimit = Math.min(n, from + MAX_NAME);
    int repeat = -1;
    for (int j = from; j + surname.length() < nameLimit; j++) {
      if (s.startsWith(surname, j)
          && (j == from || s.charAt(j - 1) == ' ' || s.charAt(j - 1) == '-')
          && Character.isUpperCase(s.charAt(j + surname.length()))) {
        repeat = j + surname.length();
        break;
      }
    }
    if (repeat < 0) {
      return -1;
    }
    int teaserLimit = Math.min(n, repeat + MAX_TEASER);
    for (int k = repeat; k < teaserLimit; k++) {
      if (k > 0 && Character.isLetterOrDigit(s.charAt(k - 1))) {
        continue;
      }
      int end = k;
      while (end < n && Character.isUpperCase(s.charAt(end))) {
        end++;
      }
      if (end - k >= MIN_LABEL
          && end + 1 < n
          && s.charAt(end) == ' '
          && !Character.isUpperCase(s.charAt(end + 1))
          && !Character.isDigit(s.charAt(end + 1))) {
        return end;
      }
    }
    return -1;
  }
}
