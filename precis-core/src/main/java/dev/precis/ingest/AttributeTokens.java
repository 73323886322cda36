package dev.precis.ingest;

import java.util.Arrays;

/**
 * Hashes of the words in a class, id, itemprop or role value: split at anything but letters and at
 * lower-to-upper case changes ("articleBody" gives "article" and "body"), lower-cased, words of one
 * letter dropped. Hashing runs over the characters, so no word is ever copied out.
 */
final class AttributeTokens {
  private static final int MAX_TOKENS = 12;

  private AttributeTokens() {}

  static int[] hashes(String value) {
    int[] out = new int[Math.min(MAX_TOKENS, 4)];
    int n = 0;
    int h = Hashing.SEED;
    int len = 0;
    char prev = ' ';
    for (int i = 0; i <= value.length() && n < MAX_TOKENS; i++) {
      char c = i < value.length() ? value.charAt(i) : ' ';
      boolean letter = Character.isLetter(c);
      boolean camelBreak = letter && Character.isUpperCase(c) && Character.isLowerCase(prev);
      if ((!letter || camelBreak) && len > 0) {
        if (len > 1) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
          }
          out[n++] = Hashing.finish(h);
        }
        h = Hashing.SEED;
        len = 0;
      }
      if (letter) {
        h = Hashing.step(h, Character.toLowerCase(c));
        len++;
      }
      prev = c;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
