package dev.precis.text.analysis;

/** The suffix rules of {@link Stemmer#LIGHT}. */
final class LightStemmer {
  private LightStemmer() {}

  static String stripSuffix(String w) {
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
