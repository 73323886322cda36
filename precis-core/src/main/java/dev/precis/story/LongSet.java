package dev.precis.story;

/** An open-addressing set of non-zero longs: no boxing, for hot paths. */
final class LongSet {
  private long[] slots;
  private int size;

  LongSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
    slots = new long[cap];
  }

  boolean contains(long key) {
    int mask = slots.length - 1;
    for (int i = (int) Hashing.mix(key) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == key) {
        return true;
      }
      if (s == 0) {
        return false;
      }
    }
  }

  /** Adds a key (zero is ignored); returns whether it was new. */
  boolean add(long key) {
    if (key == 0) {
      return false;
    }
    if ((size + 1) * 2 > slots.length) {
      long[] old = slots;
      slots = new long[old.length * 2];
      size = 0;
      for (long k : old) {
        if (k != 0) {
          add(k);
        }
      }
    }
    int mask = slots.length - 1;
    for (int i = (int) Hashing.mix(key) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == key) {
        return false;
      }
      if (s == 0) {
        slots[i] = key;
        size++;
        return true;
      }
    }
  }

  int size() {
    return size;
  }
}
