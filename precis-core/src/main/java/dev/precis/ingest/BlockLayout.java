package dev.precis.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * Where each block sits relative to the page's body: the body's paragraphs share one parent (the
 * "main parent": the element whose child blocks hold the most prose), so a standfirst, a caption or
 * a share line above or below them sits under another parent or at another depth, and a
 * related-links line inside them is short beside the page's median paragraph. Also measured: the
 * block's DOM depth, its distance in blocks from the headline ({@code <h1>}) and whether it shares
 * the first paragraph's parent. Structure only: no text is read beyond the blocks' shapes.
 */
final class BlockLayout {
  /** Per block: 0 its element's parent is the main parent, 1 deeper inside it, 2 outside it. */
  final int[] relation;

  /** Per block: depth of its element minus the depth of the main paragraphs' elements. */
  final int[] depthDelta;

  /** Per block: DOM depth of its element. */
  final int[] depth;

  /** Per block: log2 of its characters over the median prose block's, rounded down, in -8..4. */
  final int[] lengthRatio;

  /** Per block: its index minus the first headline block's, or {@link #NO_HEADLINE}. */
  final int[] fromHeadline;

  /** Per block: whether it shares the parent of the page's first paragraph. */
  final boolean[] withFirstProse;

  static final int NO_HEADLINE = 1_000;

  private BlockLayout(
      int[] relation,
      int[] depthDelta,
      int[] depth,
      int[] lengthRatio,
      int[] fromHeadline,
      boolean[] withFirstProse) {
    this.relation = relation;
    this.depthDelta = depthDelta;
    this.depth = depth;
    this.lengthRatio = lengthRatio;
    this.fromHeadline = fromHeadline;
    this.withFirstProse = withFirstProse;
  }

  static BlockLayout of(PageBlocks page) {
    List<PageBlocks.Block> blocks = page.blocks;
    PageBlocks.Frames f = page.frames;
    BlockFeatures.Shape[] shapes = page.shapes();
    int[] linkBins = page.linkBins();
    int n = blocks.size();
    int[] parentOf = new int[n];
    int[] prose = new int[f.size + 1];
    int[] proseChars = new int[n];
    int proseCount = 0;
    int headline = -1;
    for (int i = 0; i < n; i++) {
      int frame = blocks.get(i).frame();
      parentOf[i] = frame < 0 ? -1 : f.parent[frame];
      if (shapes[i].words() >= 8 && linkBins[i] <= 1) {
        prose[parentOf[i] + 1] += blocks.get(i).chars();
        proseChars[proseCount++] = blocks.get(i).chars();
      }
      if (headline < 0 && BlockExtractor.isHeadline(page, i)) {
        headline = i;
      }
    }
    int main = -1;
    for (int e = 0; e < f.size; e++) {
      if (prose[e + 1] > 0 && (main < 0 || prose[e + 1] > prose[main + 1])) {
        main = e;
      }
    }
    int median = 0;
    if (proseCount > 0) {
      int[] sorted = Arrays.copyOf(proseChars, proseCount);
      Arrays.sort(sorted);
      median = sorted[proseCount / 2];
    }
    int firstProse = BlockFeatures.firstProse(shapes, linkBins);
    int firstParent = firstProse < n ? parentOf[firstProse] : -2;
    int[] relation = new int[n];
    int[] depthDelta = new int[n];
    int[] depth = new int[n];
    int[] lengthRatio = new int[n];
    int[] fromHeadline = new int[n];
    boolean[] withFirst = new boolean[n];
    int mainDepth = main < 0 ? 0 : f.depth[main] + 1;
    for (int i = 0; i < n; i++) {
      int frame = blocks.get(i).frame();
      depth[i] = frame < 0 ? 0 : f.depth[frame];
      relation[i] = main < 0 ? 2 : parentOf[i] == main ? 0 : isInside(f, frame, main) ? 1 : 2;
      depthDelta[i] = depth[i] - mainDepth;
      lengthRatio[i] = ratio(blocks.get(i).chars(), median);
      fromHeadline[i] = headline < 0 ? NO_HEADLINE : i - headline;
      withFirst[i] = parentOf[i] == firstParent;
    }
    return new BlockLayout(relation, depthDelta, depth, lengthRatio, fromHeadline, withFirst);
  }

  private static int ratio(int chars, int median) {
    if (median == 0 || chars == 0) {
      return -8;
    }
    int r =
        (32 - Integer.numberOfLeadingZeros(chars)) - (32 - Integer.numberOfLeadingZeros(median));
    return Math.max(-8, Math.min(4, r));
  }

  private static boolean isInside(PageBlocks.Frames f, int frame, int container) {
    for (int a = frame; a >= container; a = f.parent[a]) {
      if (a == container) {
        return true;
      }
    }
    return false;
  }
}
