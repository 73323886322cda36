package dev.precis.story;

/**
 * The clusterer's copy test on its own, for callers that find copies across a whole archive rather
 * than among open stories (the Spark job): the locality-sensitive hash bands of a MinHash signature
 * ({@link TextFeatures#minHash()}) and the check that two signatures are copies, with exactly the
 * bands and thresholds {@link StoryClusterer} uses.
 *
 * <pre>{@code
 * for (long band : NearDuplicates.bands(f.minHash())) { ... group articles by band ... }
 * if (NearDuplicates.isCopy(a, b, options)) { ... the later one copies the earlier ... }
 * }</pre>
 */
public final class NearDuplicates {
  private NearDuplicates() {}

  /** Band keys of a signature (empty for a text of fewer than three words: never a copy). */
  public static long[] bands(int[] signature) {
    if (signature.length == 0) {
      return new long[0];
    }
    long[] out = new long[NearDuplicateIndex.BANDS];
    for (int b = 0; b < out.length; b++) {
      out[b] = NearDuplicateIndex.bandKey(signature, b);
    }
    return out;
  }

  /** Estimated Jaccard similarity of two articles' shingle sets. */
  public static double jaccard(int[] a, int[] b) {
    return a.length == 0 || a.length != b.length ? 0 : NearDuplicateIndex.jaccard(a, b);
  }

  /**
   * Whether two articles are copies of each other as the clusterer decides it: estimated Jaccard at
   * least {@link StoryOptions#duplicateJaccard()}, or the shorter text contained in the longer.
   */
  public static boolean isCopy(
      int[] a, int shinglesA, int[] b, int shinglesB, StoryOptions options) {
    double j = jaccard(a, b);
    return j > 0
        && NearDuplicateIndex.isCopy(
            j, shinglesA, shinglesB, options.duplicateJaccard(), options.duplicateContainment());
  }
}
