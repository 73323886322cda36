package dev.precis.story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds earlier canonical articles that an article copies, by locality-sensitive hashing of MinHash
 * signatures: the signature is cut into bands of {@link #ROWS} values and two articles become
 * candidates when any band is equal; candidates are then checked on the whole signature. With 21
 * bands of 3 rows a pair with Jaccard 0.5 is found with probability 0.94, one with 0.6 with 0.99.
 */
final class NearDuplicateIndex {
  static final int ROWS = 3;
  static final int BANDS = FeatureExtractor.SIGNATURE_SIZE / ROWS;

  /** A canonical article and its fingerprint. */
  static final class Entry {
    final String articleId;
    final int[] signature;
    final int shingles;
    StoryState story;

    Entry(String articleId, int[] signature, int shingles, StoryState story) {
      this.articleId = articleId;
      this.signature = signature;
      this.shingles = shingles;
      this.story = story;
    }
  }

  private final Map<Long, List<Entry>> buckets = new HashMap<>();
  private final double minJaccard;
  private final double minContainment;

  NearDuplicateIndex(double minJaccard, double minContainment) {
    this.minJaccard = minJaccard;
    this.minContainment = minContainment;
  }

  /** The most similar indexed article that the signature copies, or {@code null}. */
  Entry find(int[] signature, int shingles) {
    if (signature.length == 0) {
      return null;
    }
    Entry best = null;
    double bestJaccard = -1;
    for (int b = 0; b < BANDS; b++) {
      List<Entry> list = buckets.get(bandKey(signature, b));
      if (list == null) {
        continue;
      }
      for (Entry e : list) {
        double j = jaccard(signature, e.signature);
        if (j > bestJaccard && isCopy(j, shingles, e.shingles, minJaccard, minContainment)) {
          best = e;
          bestJaccard = j;
        }
      }
    }
    return best;
  }

  static boolean isCopy(double jaccard, int a, int b, double minJaccard, double minContainment) {
    if (jaccard >= minJaccard) {
      return true;
    }
    // |A ∩ B| = J (|A| + |B|) / (1 + J): the share of the shorter text found in the longer
    double shared = jaccard * (a + b) / (1 + jaccard);
    return jaccard > 0 && shared / Math.min(a, b) >= minContainment;
  }

  void add(Entry e) {
    if (e.signature.length == 0) {
      return;
    }
    for (int b = 0; b < BANDS; b++) {
      buckets.computeIfAbsent(bandKey(e.signature, b), k -> new ArrayList<>(1)).add(e);
    }
  }

  void remove(Entry e) {
    if (e.signature.length == 0) {
      return;
    }
    for (int b = 0; b < BANDS; b++) {
      long key = bandKey(e.signature, b);
      List<Entry> list = buckets.get(key);
      if (list != null) {
        list.remove(e);
        if (list.isEmpty()) {
          buckets.remove(key);
        }
      }
    }
  }

  int size() {
    return buckets.size();
  }

  static double jaccard(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  static long bandKey(int[] sig, int band) {
    long h = band;
    for (int r = 0; r < ROWS; r++) {
      h = Hashing.mix(h * 31 + sig[band * ROWS + r]);
    }
    return h;
  }
}
