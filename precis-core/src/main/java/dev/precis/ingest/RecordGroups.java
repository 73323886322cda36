package dev.precis.ingest;

/**
 * Repeated records around each block. A record is a unit a page repeats side by side (a comment, a
 * teaser, a search hit): an element holding two or more blocks, among siblings with the same tag
 * and class/id words, and carrying a "meta" part, a short line that is a link (an author, a
 * headline) or holds a date or time (digits, a {@code <time>} element). Article paragraphs repeat
 * too, but each is one block with no meta part of its own, so they form no records.
 *
 * <p>Computed in a few passes over the page's frames, without reading any text but the blocks'
 * shapes.
 */
final class RecordGroups {
  /** Longest line, in words, that counts as a record's meta part. */
  static final int META_WORDS = 8;

  private static final int TIME = Tags.id("time");

  /** Per block: siblings (itself included) of its record, or 0 when it lies in no record. */
  final int[] groupSize;

  private RecordGroups(int[] groupSize) {
    this.groupSize = groupSize;
  }

  static RecordGroups of(PageBlocks page) {
    PageBlocks.Frames f = page.frames;
    int frames = f.size;
    int n = page.blocks.size();
    BlockFeatures.Shape[] shapes = page.shapes();
    int[] blocksIn = new int[frames];
    int[] metaIn = new int[frames];
    for (int i = 0; i < n; i++) {
      PageBlocks.Block b = page.blocks.get(i);
      int frame = b.frame();
      if (frame < 0) {
        continue;
      }
      blocksIn[frame]++;
      if (isMeta(b, shapes[i])) {
        metaIn[frame]++;
      }
    }
    for (int e = 0; e < frames; e++) {
      if (f.tag[e] == TIME) {
        metaIn[e]++;
      }
    }
    // Frames come in document order, so a parent's id is below its children's.
    for (int e = frames - 1; e > 0; e--) {
      int parent = f.parent[e];
      if (parent >= 0) {
        blocksIn[parent] += blocksIn[e];
        metaIn[parent] += metaIn[e];
      }
    }
    SiblingCounts siblings = new SiblingCounts(frames);
    long[] key = new long[frames];
    for (int e = 0; e < frames; e++) {
      if (blocksIn[e] >= 2 && metaIn[e] > 0) {
        key[e] = ((long) f.parent[e] << 32) | (kind(f, e) & 0xffffffffL);
        siblings.add(key[e]);
      }
    }
    int[] groupSize = new int[n];
    for (int i = 0; i < n; i++) {
      for (int a = page.blocks.get(i).frame(); a >= 0; a = f.parent[a]) {
        if (blocksIn[a] >= 2 && metaIn[a] > 0) {
          int count = siblings.get(key[a]);
          if (count >= 2) {
            groupSize[i] = count;
            break;
          }
        }
      }
    }
    return new RecordGroups(groupSize);
  }

  /**
   * An element's kind: its tag and its first class (or id) word. Records of one list share the
   * first word and differ in the rest ("comment even", "comment odd depth-2").
   */
  private static int kind(PageBlocks.Frames f, int e) {
    int[] tokens = f.tokens[e];
    return Hashing.mix(f.tag[e] * 0x9E3779B1 + (tokens.length == 0 ? 0 : tokens[0]));
  }

  /** A short line that is mostly link, or holds digits (a date, a time, a count). */
  private static boolean isMeta(PageBlocks.Block b, BlockFeatures.Shape s) {
    return s.words() <= META_WORDS && (2 * b.linkChars() >= b.chars() || s.digits() > 0);
  }

  /** Counts of long keys in an open-addressing table (no boxing). */
  private static final class SiblingCounts {
    private final long[] keys;
    private final int[] counts;
    private final boolean[] used;
    private final int mask;

    SiblingCounts(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      keys = new long[capacity];
      counts = new int[capacity];
      used = new boolean[capacity];
      mask = capacity - 1;
    }

    void add(long key) {
      int at = slot(key);
      used[at] = true;
      keys[at] = key;
      counts[at]++;
    }

    int get(long key) {
      int at = slot(key);
      return used[at] ? counts[at] : 0;
    }

    private int slot(long key) {
      int at = Hashing.mix((int) (key ^ (key >>> 32))) & mask;
      while (used[at] && keys[at] != key) {
        at = (at + 1) & mask;
      }
      return at;
    }
  }
}
