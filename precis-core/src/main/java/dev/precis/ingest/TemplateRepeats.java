package dev.precis.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often a block's template recurs on the page: blocks share a template when their element and
 * its parent have the same tags and class/id words. Article paragraphs share one parent; teasers,
 * comments and link lists repeat a unit (a list item, a comment box), each with its own parent. So
 * a template seen under many parents marks a repeated unit, whatever its class names say.
 */
final class TemplateRepeats {
  /** Per block: blocks sharing its template. */
  final int[] blocks;

  /** Per block: runs of distinct parents its template appears under. */
  final int[] parents;

  /** Per block: the id of its template group. */
  private final int[] group;

  private TemplateRepeats(int[] blocks, int[] parents, int[] group) {
    this.blocks = blocks;
    this.parents = parents;
    this.group = group;
  }

  /** Length-weighted mean of {@code p} over the blocks of each block's template group. */
  double[] meanOver(double[] p, PageBlocks page) {
    int n = p.length;
    double[] sum = new double[n];
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      int c = page.blocks.get(i).chars();
      sum[group[i]] += p[i] * c;
      weight[group[i]] += c;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = weight[group[i]] == 0 ? p[i] : sum[group[i]] / weight[group[i]];
    }
    return out;
  }

  static TemplateRepeats of(PageBlocks page) {
    List<PageBlocks.Block> list = page.blocks;
    PageBlocks.Frames f = page.frames;
    int n = list.size();
    long[] keys = new long[n];
    // value: {blocks, parent runs, last parent, group id}
    Map<Long, int[]> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int frame = list.get(i).frame();
      int parent = frame < 0 ? -1 : f.parent[frame];
      long key = ((long) signature(f, frame) << 32) ^ (signature(f, parent) & 0xffffffffL);
      keys[i] = key;
      int id = counts.size();
      int[] c = counts.computeIfAbsent(key, k -> new int[] {0, 0, -2, id});
      c[0]++;
      if (c[2] != parent) {
        c[1]++;
        c[2] = parent;
      }
    }
    int[] blocks = new int[n];
    int[] parents = new int[n];
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      int[] c = counts.get(keys[i]);
      blocks[i] = c[0];
      parents[i] = c[1];
      group[i] = c[3];
    }
    return new TemplateRepeats(blocks, parents, group);
  }

  /** Tag and class/id words of an element, order of the words ignored. */
  private static int signature(PageBlocks.Frames f, int frame) {
    if (frame < 0) {
      return 0;
    }
    int h = f.tag[frame] * 0x9E3779B1;
    for (int t : f.tokens[frame]) {
      h += Hashing.mix(t);
    }
    return Hashing.mix(h);
  }

  /** A count as a small bin: 1, 2, 3-4, 5-8, 9-16, more. */
  static int bin(int count) {
    return Math.min(5, 32 - Integer.numberOfLeadingZeros(Math.max(0, count - 1)));
  }
}
