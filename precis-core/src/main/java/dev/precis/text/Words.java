package dev.precis.text;

/** Word counting as word budgets and ROUGE's {@code -l} count: whitespace-separated pieces. */
public final class Words {
  private Words() {}

  public static int count(CharSequence s) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      boolean ws = Character.isWhitespace(s.charAt(i));
      if (!ws && !in) {
        n++;
      }
      in = !ws;
    }
    return n;
  }

  /** The first {@code n} whitespace-separated words of {@code s}, joined by single spaces. */
  public static String firstWords(String s, int n) {
    String[] parts = s.trim().split("\\s+");
    if (parts.length <= n) {
      return s.trim();
    }
    return String.join(" ", java.util.Arrays.copyOf(parts, n));
  }
}
