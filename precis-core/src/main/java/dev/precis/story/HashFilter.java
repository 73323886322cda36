package dev.precis.story;

/**
 * A set of 64-bit hashes kept as one bit each (a Bloom filter with one hash function): it can say
 * for sure that a hash is absent, which is what most lookups of a candidate event answer, without
 * searching the event's sorted arrays. A "maybe" must still be checked there.
 *
 * <pre>{@code
 * HashFilter titles = HashFilter.of(event.titleTerms, 8);
 * if (titles.mightContain(word) && Arrays.binarySearch(event.titleTerms, word) >= 0) { ... }
 * }</pre>
 *
 * <p>The hashes must already be mixed (as {@link Hashing} makes them): their low bits pick the bit.
 */
final class HashFilter {
  private final long[] words;
  private final int mask;

  /** An empty filter of {@code words} 64-bit words (a power of two). */
  HashFilter(int words) {
    if (words < 1 || Integer.bitCount(words) != 1) {
      throw new IllegalArgumentException("words must be a power of two, got " + words);
    }
    this.words = new long[words];
    this.mask = words * 64 - 1;
  }

  /** A filter of {@code words} 64-bit words holding the given hashes. */
  static HashFilter of(long[] hashes, int words) {
    HashFilter f = new HashFilter(words);
    for (long h : hashes) {
      f.add(h);
    }
    return f;
  }

  void add(long hash) {
    int bit = (int) hash & mask;
    words[bit >>> 6] |= 1L << bit;
  }

  /** False when the hash was never added; true when it was, and now and then when it was not. */
  boolean mightContain(long hash) {
    int bit = (int) hash & mask;
    return (words[bit >>> 6] & (1L << bit)) != 0;
  }
}
