package dev.precis.ingest;

/**
 * The smoothing stage's features, one dense vector per block: the first-stage probability of the
 * block and of its neighbours, means over a window, over the blocks sharing its container and over
 * the blocks sharing its template ({@link TemplateRepeats}), where it lies relative to the subtree
 * that gains most from being taken whole, and the block's own size, link density and place. Main
 * text comes in runs inside one container, furniture in repeated units around it; a paragraph-like
 * block amid comments or teasers, or a short line amid paragraphs, is judged by its company.
 */
final class BlockContext {
  static final int FEATURES = 25 + 17;

  private BlockContext() {}

  static float[][] of(PageBlocks page, double[] p) {
    int n = p.length;
    PageBlocks.Frames f = page.frames;
    double[] parentMean = meanBy(page, p, 1);
    double[] grandMean = meanBy(page, p, 2);
    TemplateRepeats templates = page.templates();
    double[] templateMean = templates.meanOver(p, page);
    int best = bestSubtree(page, p);
    boolean[] inBest = new boolean[n];
    int firstIn = n;
    int lastIn = -1;
    long totalChars = 0;
    long bestChars = 0;
    double maxP = 0;
    for (int i = 0; i < n; i++) {
      inBest[i] = isInside(f, page.blocks.get(i).frame(), best);
      int chars = page.blocks.get(i).chars();
      totalChars += chars;
      if (inBest[i]) {
        firstIn = Math.min(firstIn, i);
        lastIn = i;
        bestChars += chars;
      }
      maxP = Math.max(maxP, p[i]);
    }
    BlockFeatures.Shape[] shapes = page.shapes();
    int[] linkBins = page.linkBins();
    int firstProse = BlockFeatures.firstProse(shapes, linkBins);
    int lastProse = BlockFeatures.lastProse(shapes, linkBins);
    float bestShare = totalChars == 0 ? 0 : (float) bestChars / totalChars;
    float[][] out = new float[n][];
    long charsBefore = 0;
    for (int i = 0; i < n; i++) {
      PageBlocks.Block b = page.blocks.get(i);
      float[] x = new float[FEATURES];
      int k = 0;
      x[k++] = (float) p[i];
      for (int off = -3; off <= 3; off++) {
        if (off != 0) {
          int j = i + off;
          x[k++] = j >= 0 && j < n ? (float) p[j] : -1;
        }
      }
      double window = 0;
      int count = 0;
      for (int j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) {
        window += p[j];
        count++;
      }
      x[k++] = (float) (window / count);
      x[k++] = (float) parentMean[i];
      x[k++] = (float) grandMean[i];
      x[k++] = (float) templateMean[i];
      x[k++] = templates.parents[i];
      x[k++] = templates.blocks[i];
      x[k++] = inBest[i] ? 0 : i < firstIn ? 1 : i > lastIn ? 2 : 3;
      x[k++] = inBest[i] ? 0 : i < firstIn ? firstIn - i : i > lastIn ? i - lastIn : 1;
      x[k++] = bestShare;
      x[k++] = b.chars();
      x[k++] = b.chars() == 0 ? 0 : (float) b.linkChars() / b.chars();
      x[k++] = n == 0 ? 0 : (float) i / n;
      x[k++] = totalChars == 0 ? 0 : (float) charsBefore / totalChars;
      charsBefore += b.chars();
      int frame = b.frame();
      int parent = frame < 0 ? -1 : f.parent[frame];
      x[k++] = parent < 0 ? 0 : f.chars[parent];
      x[k++] =
          parent < 0 || f.chars[parent] == 0 ? 0 : (float) f.linkChars[parent] / f.chars[parent];
      x[k++] = (float) maxP;
      x[k++] = frame >= 0 && (f.mask[frame] & Tags.maskBit(Tags.H1)) != 0 ? 1 : 0;
      x[k++] = n;
      BlockFeatures.Shape s = shapes[i];
      float words = Math.max(1, s.words());
      x[k++] = s.words();
      x[k++] = s.functionWords() / words;
      x[k++] = s.closes() ? 1 : 0;
      x[k++] = s.commas() / words;
      x[k++] = s.capitalised() / words;
      x[k++] = firstProse - i;
      x[k++] = i - lastProse;
      int mask = frame < 0 ? 0 : f.mask[frame];
      x[k++] = frame < 0 ? 0 : f.tag[frame];
      x[k++] = anyBit(mask, 0);
      x[k++] = anyBit(mask, 1, 2, 3);
      x[k++] = anyBit(mask, 4, 5, 6, 7);
      x[k++] = anyBit(mask, 8);
      x[k++] = anyBit(mask, 9, 10);
      x[k++] = anyBit(mask, 11);
      x[k++] = anyBit(mask, 12, 14, 15);
      x[k++] = anyBit(mask, 17, 18);
      x[k++] = anyBit(mask, 31);
      out[i] = x;
    }
    return out;
  }

  private static float anyBit(int mask, int... bits) {
    for (int b : bits) {
      if ((mask & (1 << b)) != 0) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * Length-weighted mean of {@code p} over the blocks sharing the ancestor {@code up} levels up.
   */
  private static double[] meanBy(PageBlocks page, double[] p, int up) {
    int n = p.length;
    PageBlocks.Frames f = page.frames;
    double[] sum = new double[f.size + 1];
    double[] weight = new double[f.size + 1];
    int[] key = new int[n];
    for (int i = 0; i < n; i++) {
      int a = page.blocks.get(i).frame();
      for (int level = 0; level < up && a >= 0; level++) {
        a = f.parent[a];
      }
      key[i] = a + 1;
      int chars = page.blocks.get(i).chars();
      sum[key[i]] += p[i] * chars;
      weight[key[i]] += chars;
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = weight[key[i]] == 0 ? p[i] : sum[key[i]] / weight[key[i]];
    }
    return out;
  }

  /**
   * The element whose subtree gains most from being taken whole: each block adds its length times
   * (probability - 1/2), and the element with the largest sum is the article's likely container.
   * Comment threads and teaser lists beside it fall outside.
   */
  private static int bestSubtree(PageBlocks page, double[] p) {
    PageBlocks.Frames f = page.frames;
    double[] gain = new double[f.size];
    for (int i = 0; i < p.length; i++) {
      double g = page.blocks.get(i).chars() * (p[i] - 0.5);
      for (int a = page.blocks.get(i).frame(); a >= 0; a = f.parent[a]) {
        gain[a] += g;
      }
    }
    int best = -1;
    for (int e = 0; e < f.size; e++) {
      if (best < 0 || gain[e] > gain[best]) {
        best = e;
      }
    }
    return best;
  }

  private static boolean isInside(PageBlocks.Frames f, int frame, int container) {
    if (container < 0) {
      return false;
    }
    for (int a = frame; a >= container; a = f.parent[a]) {
      if (a == container) {
        return true;
      }
    }
    return false;
  }
}
