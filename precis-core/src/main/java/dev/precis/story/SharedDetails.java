package dev.precis.story;

import java.util.Arrays;

/**
 * The details two reports of one happening share even when they tell it in other words: the figures
 * they give (numbers of two or more digits, "4.5", "1,200"; years left out, as every report of a
 * period names them) and the words they quote (word 3-shingles inside quotation marks: outlets
 * quote the same statement). Same-topic reports of different happenings share the topic's words but
 * rarely its figures or its quotes.
 *
 * <p>Read from the title and the first {@link #MAX_CHARS} characters of the text; hashes, sorted
 * and distinct, at most {@link #MAX_NUMBERS} and {@link #MAX_QUOTES} (the first ones found).
 */
final class SharedDetails {
  /** Characters of the text read. */
  static final int MAX_CHARS = 6000;

  /** Most figures kept per article. */
  static final int MAX_NUMBERS = 32;

  /** Most quoted 3-shingles kept per article. */
  static final int MAX_QUOTES = 64;

  /** Keeps the hashes of numbers apart from those of words. */
  private static final long NUMBER_SEED = 0x6e756d62L;

  private SharedDetails() {}

  /** The figures in the title and text, as sorted distinct hashes. */
  static long[] numbers(String title, String text) {
    long[] out = new long[MAX_NUMBERS];
    int n = 0;
    for (String s : new String[] {title, text}) {
      if (s == null) {
        continue;
      }
      int len = Math.min(s.length(), MAX_CHARS);
      int i = 0;
      while (i < len && n < MAX_NUMBERS) {
        char c = s.charAt(i);
        if (!Character.isDigit(c) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
          i++;
          continue;
        }
        long h = Hashing.start() ^ NUMBER_SEED;
        int digits = 0;
        int value = 0;
        boolean separated = false;
        while (i < len) {
          char d = s.charAt(i);
          boolean inner =
              (d == ',' || d == '.') && i + 1 < len && Character.isDigit(s.charAt(i + 1));
          if (Character.isDigit(d)) {
            h = Hashing.add(h, d);
            digits++;
            value = value * 10 + (d - '0');
          } else if (inner) {
            // "1,200" is 1200; "4.5" keeps its point
            separated = true;
            if (d == '.') {
              h = Hashing.add(h, d);
            }
          } else {
            break;
          }
          i++;
        }
        if (i < len && Character.isLetter(s.charAt(i))) {
          continue; // part of a word ("3D", "4th"), not a figure
        }
        boolean year = digits == 4 && !separated && value >= 1900 && value <= 2099;
        if (digits >= 2 && !year) {
          out[n++] = Hashing.mix(h);
        }
      }
    }
    return distinctSorted(out, n);
  }

  /** The word 3-shingles inside quotation marks in the text, as sorted distinct hashes. */
  static long[] quotes(String text) {
    long[] out = new long[MAX_QUOTES];
    int n = 0;
    int len = Math.min(text.length(), MAX_CHARS);
    boolean inside = false;
    long a = 0;
    long b = 0;
    int words = 0;
    int i = 0;
    while (i < len && n < MAX_QUOTES) {
      char c = text.charAt(i);
      if (c == '"' || c == '\u201c' || c == '\u201d') {
        // a straight quote opens or closes by position; curly ones say which
        inside = c == '\u201c' || (c == '"' && !inside);
        words = 0;
        i++;
        continue;
      }
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      long h = Hashing.start();
      while (i < len && Character.isLetterOrDigit(text.charAt(i))) {
        h = Hashing.add(h, Character.toLowerCase(text.charAt(i)));
        i++;
      }
      if (!inside) {
        continue;
      }
      long w = Hashing.mix(h);
      if (++words >= 3) {
        out[n++] = Hashing.mix(a ^ Long.rotateLeft(b, 21) ^ Long.rotateLeft(w, 42));
      }
      a = b;
      b = w;
    }
    return distinctSorted(out, n);
  }

  /** The distinct values of the first {@code count} of {@code values}, ascending. */
  static long[] distinctSorted(long[] values, int count) {
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int k = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, k);
  }

  /**
   * The union of two ascending hash sets, cut to its {@code max} smallest: a bottom-k sample, so
   * that what an event remembers is bounded and two events sample the same hashes.
   */
  static long[] union(long[] have, long[] more, int max) {
    if (more.length == 0 || (have.length >= max && more[0] > have[have.length - 1])) {
      return have;
    }
    long[] merged = new long[have.length + more.length];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < have.length || j < more.length) {
      long x;
      if (j >= more.length || (i < have.length && have[i] < more[j])) {
        x = have[i++];
      } else if (i >= have.length || more[j] < have[i]) {
        x = more[j++];
      } else {
        x = have[i++];
        j++;
      }
      merged[n++] = x;
    }
    return Arrays.copyOf(merged, Math.min(n, max));
  }

  /** How many of {@code given} (ascending) are in {@code sample} (ascending). */
  static int shared(long[] sample, long[] given) {
    int shared = 0;
    int i = 0;
    int j = 0;
    while (i < sample.length && j < given.length) {
      if (sample[i] == given[j]) {
        shared++;
        i++;
        j++;
      } else if (sample[i] < given[j]) {
        i++;
      } else {
        j++;
      }
    }
    return shared;
  }
}
