package dev.precis.story;

/** 64-bit hashing of words and shingles; fast, allocation-free and the same on every JVM. */
final class Hashing {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hashing() {}

  static long start() {
    return FNV_OFFSET;
  }

  static long add(long h, char c) {
    return (h ^ c) * FNV_PRIME;
  }

  /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole word. */
  static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** The hash of a lower-case word as {@link FeatureExtractor} computes it. */
  static long word(String lower) {
    long h = start();
    for (int i = 0; i < lower.length(); i++) {
      h = add(h, lower.charAt(i));
    }
    return mix(h);
  }
}
