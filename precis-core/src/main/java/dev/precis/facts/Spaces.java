package dev.precis.facts;

/** Length-preserving normalisation of the text the extractors read. */
final class Spaces {
  private Spaces() {}

  /**
   * Unicode spaces (no-break, thin, narrow) as plain spaces: scraped news writes
   * "27&nbsp;languages", and every pattern here expects an ordinary space. Offsets stay valid: one
   * char for one char.
   */
  static String normalize(String s) {
    boolean any = false;
    for (int i = 0; i < s.length() && !any; i++) {
      any = isOddSpace(s.charAt(i));
    }
    if (!any) {
      return s;
    }
    char[] c = s.toCharArray();
    for (int i = 0; i < c.length; i++) {
      if (isOddSpace(c[i])) {
        c[i] = ' ';
      }
    }
    return new String(c);
  }

  private static boolean isOddSpace(char ch) {
    return ch == '\u00a0'
        || ch == '\u2007'
        || ch == '\u2009'
        || ch == '\u202f'
        || ch == '\u200a'
        || ch == '\u2002'
        || ch == '\u2003';
  }
}
