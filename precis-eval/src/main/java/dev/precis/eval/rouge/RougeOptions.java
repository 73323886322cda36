package dev.precis.eval.rouge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ROUGE-1.5.5 options Precis reproduces, with the script's defaults.
 *
 * @param maxN {@code -n}: ROUGE-1 … ROUGE-maxN are computed (0: none)
 * @param stem {@code -m}: WordNet exception table, then the Porter stemmer
 * @param removeStopWords {@code -s}: drop the SMART stop words
 * @param wordLimit {@code -l}: keep the first N words of every summary (0: no limit)
 * @param byteLimit {@code -b}: keep the first N bytes of every summary (0: no limit)
 * @param skipDistance {@code -2}: ROUGE-S with at most this many words between the two words of a
 *     skip-bigram ({@code null}: no ROUGE-S; negative: unlimited)
 * @param skipUnigrams {@code -u}: add unigrams to the skip-bigrams (ROUGE-SU)
 * @param lcs ROUGE-L is computed unless {@code -x}
 * @param bestModel {@code -f B}: score against the best reference instead of pooling ({@code A})
 * @param alpha {@code -p}: F = PR / ((1-alpha) P + alpha R)
 * @param confidence {@code -c}: confidence level of the bootstrap interval, in percent
 * @param resamples {@code -r}: bootstrap resamples
 */
public record RougeOptions(
    int maxN,
    boolean stem,
    boolean removeStopWords,
    int wordLimit,
    int byteLimit,
    Integer skipDistance,
    boolean skipUnigrams,
    boolean lcs,
    boolean bestModel,
    double alpha,
    double confidence,
    int resamples) {

  public RougeOptions {
    if (maxN < 0 || maxN > 9) {
      throw new IllegalArgumentException("-n must be between 0 and 9, got " + maxN);
    }
    if (wordLimit < 0 || byteLimit < 0) {
      throw new IllegalArgumentException("length limits must not be negative");
    }
    if (wordLimit > 0 && byteLimit > 0) {
      throw new IllegalArgumentException("give a length limit in words or in bytes, not both");
    }
    if (alpha < 0 || alpha > 1) {
      throw new IllegalArgumentException("-p (alpha) must be between 0 and 1, got " + alpha);
    }
    if (confidence < 0 || confidence > 100) {
      throw new IllegalArgumentException("-c must be between 0 and 100, got " + confidence);
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("-r must be at least 1, got " + resamples);
    }
  }

  /**
   * The options most news papers use: {@code -n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5}, with
   * ROUGE-L; no stop-word removal and no length limit.
   */
  public static RougeOptions news() {
    return new RougeOptions(4, true, false, 0, 0, 4, true, true, false, 0.5, 95, 1000);
  }

  /** The same options with {@code -l words} (0 removes the limit). */
  public RougeOptions withWordLimit(int words) {
    return new RougeOptions(
        maxN,
        stem,
        removeStopWords,
        words,
        0,
        skipDistance,
        skipUnigrams,
        lcs,
        bestModel,
        alpha,
        confidence,
        resamples);
  }

  /** The same options with {@code -b bytes} (0 removes the limit). */
  public RougeOptions withByteLimit(int bytes) {
    return new RougeOptions(
        maxN,
        stem,
        removeStopWords,
        0,
        bytes,
        skipDistance,
        skipUnigrams,
        lcs,
        bestModel,
        alpha,
        confidence,
        resamples);
  }

  /**
   * Parses ROUGE-1.5.5 flags, e.g. {@code "-n 2 -m -2 4 -u -l 100"}. Unlisted flags start from the
   * script's defaults (no ROUGE-N without {@code -n}, no ROUGE-S without {@code -2}). Accepted: -n
   * -m -s -l -b -2 -u -x -f -p -c -r, and -a -d -v which change nothing here.
   */
  public static RougeOptions parse(String flags) {
    String[] t = flags.trim().isEmpty() ? new String[0] : flags.trim().split("\\s+");
    int maxN = 0;
    boolean stem = false;
    boolean stop = false;
    int words = 0;
    int bytes = 0;
    Integer skip = null;
    boolean unigrams = false;
    boolean lcs = true;
    boolean best = false;
    double alpha = 0.5;
    double conf = 95;
    int resamples = 1000;
    for (int i = 0; i < t.length; i++) {
      String f = t[i];
      switch (f) {
        case "-n" -> maxN = intArg(t, ++i, f);
        case "-m" -> stem = true;
        case "-s" -> stop = true;
        case "-l" -> words = intArg(t, ++i, f);
        case "-b" -> bytes = intArg(t, ++i, f);
        case "-2" -> skip = intArg(t, ++i, f);
        case "-u" -> unigrams = true;
        case "-x" -> lcs = false;
        case "-f" -> {
          String mode = arg(t, ++i, f).toUpperCase(Locale.ROOT);
          if (!mode.equals("A") && !mode.equals("B")) {
            throw new IllegalArgumentException("-f must be A or B, got " + mode);
          }
          best = mode.equals("B");
        }
        case "-p" -> alpha = doubleArg(t, ++i, f);
        case "-c" -> conf = doubleArg(t, ++i, f);
        case "-r" -> resamples = intArg(t, ++i, f);
        case "-a", "-d", "-v" -> {}
        default -> throw new IllegalArgumentException("unsupported ROUGE option '" + f + "'");
      }
    }
    return new RougeOptions(
        maxN, stem, stop, words, bytes, skip, unigrams, lcs, best, alpha, conf, resamples);
  }

  /** The options as ROUGE-1.5.5 flags, e.g. {@code -n 4 -m -2 4 -u -f A -p 0.5 -c 95 -r 1000}. */
  public String toFlags() {
    List<String> f = new ArrayList<>();
    if (maxN > 0) {
      f.add("-n " + maxN);
    }
    if (stem) {
      f.add("-m");
    }
    if (removeStopWords) {
      f.add("-s");
    }
    if (wordLimit > 0) {
      f.add("-l " + wordLimit);
    }
    if (byteLimit > 0) {
      f.add("-b " + byteLimit);
    }
    if (skipDistance != null) {
      f.add("-2 " + skipDistance);
      if (skipUnigrams) {
        f.add("-u");
      }
    }
    if (!lcs) {
      f.add("-x");
    }
    f.add("-f " + (bestModel ? "B" : "A"));
    f.add("-p " + num(alpha));
    f.add("-c " + num(confidence));
    f.add("-r " + resamples);
    return String.join(" ", f);
  }

  /** Names of the metrics these options produce, in ROUGE's order of output. */
  public List<String> metricNames() {
    List<String> names = new ArrayList<>();
    for (int n = 1; n <= maxN; n++) {
      names.add("ROUGE-" + n);
    }
    if (lcs) {
      names.add("ROUGE-L");
    }
    if (skipDistance != null) {
      names.add(skipMetricName());
    }
    return names;
  }

  String skipMetricName() {
    String d = skipDistance < 0 ? "*" : String.valueOf(skipDistance);
    return (skipUnigrams ? "ROUGE-SU" : "ROUGE-S") + d;
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String arg(String[] t, int i, String flag) {
    if (i >= t.length) {
      throw new IllegalArgumentException("ROUGE option " + flag + " needs a value");
    }
    return t[i];
  }

  private static int intArg(String[] t, int i, String flag) {
    try {
      return Integer.parseInt(arg(t, i, flag));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ROUGE option " + flag + " needs a whole number");
    }
  }

  private static double doubleArg(String[] t, int i, String flag) {
    try {
      return Double.parseDouble(arg(t, i, flag));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ROUGE option " + flag + " needs a number");
    }
  }
}
