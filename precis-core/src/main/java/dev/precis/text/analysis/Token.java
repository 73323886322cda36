package dev.precis.text.analysis;

/**
 * A token with its offsets in the analysed text.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param text the characters as written
 */
public record Token(int start, int end, String text) {
  /** Starts with a letter or digit (not punctuation). */
  public boolean isWord() {
    return Character.isLetterOrDigit(text.charAt(0));
  }

  /** An initial such as "P." in "P. J. Crowley". */
  public boolean isInitial() {
    return text.length() == 2 && text.charAt(1) == '.' && Character.isUpperCase(text.charAt(0));
  }

  public boolean isCapitalised() {
    return Character.isUpperCase(text.charAt(0));
  }

  /** The text equals {@code s}, ignoring case. */
  public boolean is(String s) {
    return text.equalsIgnoreCase(s);
  }
}
