package dev.precis.ingest;

/** FNV-1a over characters and a final mix: the feature hashing of the block classifier. */
final class Hashing {
  static final int SEED = 0x811c9dc5;

  private Hashing() {}

  static int step(int h, char c) {
    return (h ^ c) * 0x01000193;
  }

  static int finish(int h) {
    return mix(h);
  }

  /** Murmur3's finalizer: spreads every input bit over the output. */
  static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /** A feature of kind {@code kind} with value {@code value}. */
  static int feature(int kind, int value) {
    return mix(value * 0x9E3779B1 + kind * 0x7F4A7C15);
  }
}
