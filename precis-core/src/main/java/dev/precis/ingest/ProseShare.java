package dev.precis.ingest;

import java.util.List;

/**
 * Where the page's prose lives: for every element, the characters of prose blocks (eight words or
 * more, few of them in links) in its subtree. The deepest element holding a given share of all the
 * prose is the article's likely container, whatever its class names say; each block learns how much
 * of the prose its ancestors hold and whether it sits inside those containers.
 */
final class ProseShare {
  private static final double[] SHARES = {0.5, 0.7, 0.9};

  private final PageBlocks page;
  private final int[] prose;
  private final int total;
  private final int[] containers;

  private ProseShare(PageBlocks page, int[] prose, int total, int[] containers) {
    this.page = page;
    this.prose = prose;
    this.total = total;
    this.containers = containers;
  }

  static ProseShare of(PageBlocks page, BlockFeatures.Shape[] shapes, int[] linkBins) {
    PageBlocks.Frames f = page.frames;
    int[] prose = new int[f.size];
    int[] depth = new int[f.size];
    for (int i = 0; i < f.size; i++) {
      depth[i] = f.parent[i] < 0 ? 0 : depth[f.parent[i]] + 1; // parents come first
    }
    int total = 0;
    List<PageBlocks.Block> blocks = page.blocks;
    for (int i = 0; i < blocks.size(); i++) {
      if (shapes[i].words() < 8 || linkBins[i] > 1) {
        continue;
      }
      int chars = blocks.get(i).chars();
      total += chars;
      for (int a = blocks.get(i).frame(); a >= 0; a = f.parent[a]) {
        prose[a] += chars;
      }
    }
    int[] containers = new int[SHARES.length];
    for (int k = 0; k < SHARES.length; k++) {
      int best = -1;
      for (int e = 0; e < f.size; e++) {
        if (total > 0 && prose[e] >= SHARES[k] * total && (best < 0 || depth[e] > depth[best])) {
          best = e;
        }
      }
      containers[k] = best;
    }
    return new ProseShare(page, prose, total, containers);
  }

  void addFeatures(BlockFeatures.FeatureBuffer fb, int block, int wordsBin) {
    PageBlocks.Frames f = page.frames;
    int frame = page.blocks.get(block).frame();
    if (frame < 0 || total == 0) {
      fb.add(40, -1);
      return;
    }
    int a = frame;
    for (int level = 0; level < 4 && a >= 0; level++, a = f.parent[a]) {
      int share = (int) (10L * prose[a] / total);
      fb.add(41, level * 100 + share);
    }
    for (int k = 0; k < containers.length; k++) {
      boolean inside = isInside(frame, containers[k]);
      fb.add(42, k * 100 + (inside ? 50 : 0) + wordsBin);
    }
  }

  private boolean isInside(int frame, int container) {
    if (container < 0) {
      return false;
    }
    for (int a = frame; a >= 0 && a >= container; a = page.frames.parent[a]) {
      if (a == container) {
        return true;
      }
    }
    return false;
  }
}
