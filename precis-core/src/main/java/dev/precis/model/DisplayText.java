package dev.precis.model;

/**
 * Short fields shown to readers (titles, outlets, authors) without the invisible characters that
 * reorder text: the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to
 * U+2069) let a title display as something other than what it says ("visual spoofing").
 */
public final class DisplayText {
  private DisplayText() {}

  /** The text without bidirectional controls; {@code null} stays {@code null}. */
  public static String withoutBidiControls(String s) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !bidiControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int j = 0; j < s.length(); j++) {
      char c = s.charAt(j);
      if (!bidiControl(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  static boolean bidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }
}
