package dev.precis.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts page furniture that sits inside a paragraph (image-viewer controls, player notices, ad-slot
 * labels glued between sentences of a flattened page) by a learned list rather than quoted phrases:
 * a run of at least {@value #MIN_RUN} overlapping word 4-grams ({@value #MIN_RUN} + 3 words or
 * more) that are all on the list goes. The list holds 4-grams found in the source documents of many
 * distinct story clusters and never in clean prose (the human-written summaries of the clusters,
 * the hand-marked article bodies of the extraction training pages): news prose recurs in clean
 * prose, a site's template does not. It ships as 64-bit hashes ({@value #RESOURCE}), never as page
 * text, learned by {@code precis learn-phrases}.
 *
 * <p>A single listed 4-gram is never cut: short common phrases can be absent from summaries by
 * style alone ("u s president"), long runs of them are template text.
 *
 * <pre>{@code
 * String line = RecurringPhrases.standard().strip(text);
 * }</pre>
 */
public final class RecurringPhrases {
  /** The shipped list. */
  public static final String RESOURCE = "/dev/precis/text/recurring-phrases.txt";

  /** Listed 4-grams in a row needed before a cut. */
  public static final int MIN_RUN = 3;

  /** Words per listed phrase. */
  public static final int N = 4;

  private static volatile RecurringPhrases standard;

  private final long[] sortedKeys;

  /** A list of 4-gram keys ({@link #keys}); copied and sorted. */
  public RecurringPhrases(long[] keys) {
    this.sortedKeys = keys.clone();
    Arrays.sort(sortedKeys);
  }

  /** The list shipped in the jar. */
  public static RecurringPhrases standard() {
    RecurringPhrases s = standard;
    if (s == null) {
      s = new RecurringPhrases(load(RESOURCE));
      standard = s;
    }
    return s;
  }

  /** The text without runs of listed phrases; the same instance when there is none. */
  public String strip(String text) {
    List<int[]> spans = spans(text);
    if (spans.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (int[] span : spans) {
      out.append(text, copied, span[0]);
      copied = span[1];
    }
    out.append(text, copied, text.length());
    return InlineFurniture.collapseSpaces(out);
  }

  /** Start and end offsets of the runs of listed phrases in {@code text}, in order. */
  public List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    if (sortedKeys.length == 0) {
      return out;
    }
    int[] bounds = tokens(text);
    if (bounds.length / 2 < N + MIN_RUN - 1) {
      return out;
    }
    long[] keys = keys(text, bounds);
    int i = 0;
    while (i < keys.length) {
      if (!isListed(keys[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < keys.length && isListed(keys[j])) {
        j++;
      }
      if (j - i >= MIN_RUN) {
        // gram j - 1 ends with word j - 1 + N - 1; the run's closing stop goes with it
        int end = bounds[2 * (j + N - 2) + 1];
        while (end < text.length() && ".,;:!?\u2026".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        out.add(new int[] {bounds[2 * i], end});
      }
      i = j;
    }
    return out;
  }

  private boolean isListed(long key) {
    return key != 0 && Arrays.binarySearch(sortedKeys, key) >= 0;
  }

  /**
   * The keys of every word 4-gram of {@code text}: FNV-1a 64 over the words lower-cased, separated
   * by one space. Words are runs of letters and digits. A 4-gram with a digit in it gets key 0,
   * which is never listed: times and dates recur across stories as content.
   */
  public static long[] keys(String text) {
    return keys(text, tokens(text));
  }

  private static long[] keys(String text, int[] bounds) {
    int words = bounds.length / 2;
    if (words < N) {
      return new long[0];
    }
    long[] wordHash = new long[words];
    for (int w = 0; w < words; w++) {
      long h = 0xcbf29ce484222325L;
      for (int c = bounds[2 * w]; c < bounds[2 * w + 1]; c++) {
        char ch = text.charAt(c);
        if (Character.isDigit(ch)) {
          h = 0;
          break;
        }
        h = (h ^ Character.toLowerCase(ch)) * 0x100000001b3L;
      }
      wordHash[w] = h;
    }
    long[] out = new long[words - N + 1];
    for (int w = 0; w < out.length; w++) {
      long h = 0xcbf29ce484222325L;
      for (int k = 0; k < N && h != 0; k++) {
        h = wordHash[w + k] == 0 ? 0 : (h ^ wordHash[w + k]) * 0x100000001b3L;
        h ^= h >>> 29;
      }
      out[w] = h;
    }
    return out;
  }

  /** Start and end offsets of the words of {@code text}, flattened. */
  private static int[] tokens(String text) {
    int[] out = new int[32];
    int n = 0;
    int start = -1;
    for (int i = 0, len = text.length(); i <= len; i++) {
      boolean word = i < len && Character.isLetterOrDigit(text.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        if (n + 2 > out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        out[n++] = start;
        out[n++] = i;
        start = -1;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static long[] load(String resource) {
    try (InputStream in = RecurringPhrases.class.getResourceAsStream(resource)) {
      if (in == null) {
        return new long[0];
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      long[] out = new long[256];
      int n = 0;
      for (String line; (line = r.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = Long.parseUnsignedLong(line, 16);
      }
      return Arrays.copyOf(out, n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
