package dev.precis.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Trains a {@link BlockModel} from pages with a human-marked main text.
 *
 * <p>Labels: a block is main text when most of its 4-token shingles (or, for blocks under four
 * tokens, its whole token sequence) occur in the marked text. Headlines ({@code <h1>}) carry no
 * label: some sets mark them as text, others not, and the extractor leaves them out anyway. Each
 * block weighs by the logarithm of its length, so long paragraphs count more than one-word lines
 * without drowning them.
 *
 * <p>The first stage is a logistic regression fitted by AdaGrad with a small L2 penalty, the
 * examples shuffled with a fixed seed; the smoothing stage is gradient-boosted trees ({@link
 * BoostedTreesTrainer}, deterministic), so the same pages give the same model. The smoothing stage
 * learns from first-stage probabilities predicted out of fold (two halves, each judged by a model
 * trained on the other), so that it sees the first stage as unseen pages will.
 *
 * <p>Example: {@code BlockModel m = BlockModelTrainer.train(List.of(BlockModelTrainer.prepare(html,
 * url, gold)), 1);}
 */
public final class BlockModelTrainer {
  private static final int EPOCHS = 10;
  private static final double RATE = 0.05;
  private static final double L2 = 1e-6;

  private static final int CAPTIONS =
      Tags.maskBit(Tags.id("figcaption")) | Tags.maskBit(Tags.id("caption"));

  private BlockModelTrainer() {}

  /** A page cut into blocks, with features and labels; reusable across folds. */
  public static final class LabelledPage {
    final PageBlocks blocks;
    final int[][] features;
    final boolean[] labels;
    final float[] weights;

    private LabelledPage(PageBlocks blocks, int[][] features, boolean[] labels, float[] weights) {
      this.blocks = blocks;
      this.features = features;
      this.labels = labels;
      this.weights = weights;
    }

    /** Blocks on the page. */
    public int size() {
      return labels.length;
    }
  }

  /** Parses and labels one page against its marked main text {@code gold}. */
  public static LabelledPage prepare(String html, String url, String gold) {
    PageBlocks page = PageBlocks.of(Jsoup.parse(html, url == null ? "" : url));
    int[][] features = BlockFeatures.of(page);
    Set<Long>[] goldGrams = grams(tokens(gold));
    int n = page.blocks.size();
    boolean[] labels = new boolean[n];
    float[] weights = new float[n];
    int[] words = new int[0];
    int firstParagraph = n;
    for (int i = 0; i < n; i++) {
      long[] t = tokens(page.blocks.get(i).text());
      labels[i] = covered(t, goldGrams) >= 0.5;
      BlockFeatures.Shape shape = BlockFeatures.shape(page.blocks.get(i).text(), words);
      if (firstParagraph == n
          && labels[i]
          && shape.words() >= BlockFeatures.PROSE_WORDS
          && shape.closes()) {
        firstParagraph = i;
      }
      // Captions are not main text, whatever a set's annotators did.
      int frame = page.blocks.get(i).frame();
      if (frame >= 0 && (page.frames.mask[frame] & CAPTIONS) != 0) {
        labels[i] = false;
      }
      weights[i] =
          BlockExtractor.isHeadline(page, i) || t.length == 0
              ? 0
              : (float) (Math.log(2 + t.length) / Math.log(2));
    }
    // The text starts with its first paragraph: short lines above it (kicker, byline, date
    // line) are metadata, though some sets mark them as text.
    for (int i = 0; i < firstParagraph; i++) {
      if (BlockFeatures.shape(page.blocks.get(i).text(), words).words()
          < BlockFeatures.PROSE_WORDS) {
        labels[i] = false;
      }
    }
    return new LabelledPage(page, features, labels, weights);
  }

  /** Trains on {@code pages}; {@code seed} fixes the order of the examples. */
  public static BlockModel train(List<LabelledPage> pages, long seed) {
    return train(pages, seed, false);
  }

  /**
   * Trains on {@code pages}, with a refining third stage when {@code refine} (stacking: not in the
   * shipped model, see the README's "What moved the numbers").
   */
  public static BlockModel train(List<LabelledPage> pages, long seed, boolean refine) {
    return train(pages, seed, refine, BoostedTreesTrainer.DEFAULT);
  }

  /**
   * As {@link #train(List, long, boolean)}, with {@code trees} smoothing trees of depth {@code
   * depth} (the shipped model's counts are chosen by cross-validation: see the README).
   */
  public static BlockModel train(
      List<LabelledPage> pages, long seed, boolean refine, int trees, int depth) {
    BoostedTreesTrainer d = BoostedTreesTrainer.DEFAULT;
    return train(
        pages,
        seed,
        refine,
        new BoostedTreesTrainer(trees, depth, d.rate(), d.minHessian(), d.lambda()));
  }

  /** The model with only the first {@code trees} smoothing trees. */
  public static BlockModel withTrees(BlockModel model, int trees) {
    return new BlockModel(model.blockWeights, model.context.prefix(trees), model.refine);
  }

  private static BlockModel train(
      List<LabelledPage> pages, long seed, boolean refine, BoostedTreesTrainer smoothing) {
    List<LabelledPage> order = new ArrayList<>(pages);
    Collections.shuffle(order, new Random(seed));
    int half = order.size() / 2;
    List<LabelledPage> a = order.subList(0, half);
    List<LabelledPage> b = order.subList(half, order.size());
    float[] onA = fitBlocks(a, seed);
    float[] onB = fitBlocks(b, seed);
    // First-stage probabilities out of fold: each half judged by the model of the other.
    List<double[]> first = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      first.add(firstStage(i < half ? onB : onA, order.get(i)));
    }
    BoostedTrees context = fitTrees(order, first, 0, order.size(), smoothing);
    if (!refine) {
      return new BlockModel(fitBlocks(order, seed), context, null);
    }
    // The refining stage learns from second-stage probabilities out of fold too: trees fitted on
    // one half judge the other.
    BoostedTrees contextA = fitTrees(order, first, 0, half, smoothing);
    BoostedTrees contextB = fitTrees(order, first, half, order.size(), smoothing);
    List<double[]> second = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      second.add(
          BlockModel.smooth(order.get(i).blocks, first.get(i), i < half ? contextB : contextA));
    }
    BoostedTrees third = fitTrees(order, second, 0, order.size(), BoostedTreesTrainer.REFINE);
    return new BlockModel(fitBlocks(order, seed), context, third);
  }

  /** Smoothing trees fitted on pages {@code from..to} of {@code order}, judged {@code p}. */
  private static BoostedTrees fitTrees(
      List<LabelledPage> order, List<double[]> p, int from, int to, BoostedTreesTrainer trainer) {
    List<float[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    for (int i = from; i < to; i++) {
      LabelledPage page = order.get(i);
      float[][] x = BlockContext.of(page.blocks, p.get(i));
      for (int k = 0; k < x.length; k++) {
        if (page.weights[k] > 0) {
          rows.add(x[k]);
          labels.add(page.labels[k]);
          weights.add(page.weights[k]);
        }
      }
    }
    boolean[] y = new boolean[labels.size()];
    float[] w = new float[weights.size()];
    for (int r = 0; r < y.length; r++) {
      y[r] = labels.get(r);
      w[r] = weights.get(r);
    }
    return trainer.fit(rows.toArray(new float[0][]), y, w);
  }

  /** The predicted main text of a prepared page (what {@link HtmlExtractor} would return). */
  public static String extract(BlockModel model, LabelledPage page) {
    return BlockExtractor.render(page.blocks, model.probabilities(page.blocks));
  }

  /** The smoothed probability of each block of a prepared page. */
  public static double[] probabilities(BlockModel model, LabelledPage page) {
    return model.probabilities(page.blocks);
  }

  /** As {@link #probabilities}, without the model's refining (third) stage. */
  public static double[] probabilitiesUnrefined(BlockModel model, LabelledPage page) {
    return model.probabilities(page.blocks, false);
  }

  /** The text that {@code span} keeps from a prepared page judged {@code p}. */
  public static String render(LabelledPage page, double[] p, MainSpan span) {
    return BlockExtractor.render(page.blocks, p, span);
  }

  /**
   * The text that {@code span} keeps and {@code cuts} leave from a prepared page judged {@code p}.
   */
  public static String render(LabelledPage page, double[] p, MainSpan span, FurnitureCuts cuts) {
    return BlockExtractor.render(page.blocks, p, span, cuts);
  }

  private static double[] firstStage(float[] w, LabelledPage p) {
    double[] out = new double[p.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = BlockModel.sigmoid(BlockModel.dot(w, p.features[i]));
    }
    return out;
  }

  private static float[] fitBlocks(List<LabelledPage> pages, long seed) {
    float[] w = new float[BlockFeatures.DIMENSION];
    List<int[][]> features = new ArrayList<>();
    for (LabelledPage p : pages) {
      features.add(p.features);
    }
    fit(w, pages, features, seed);
    return w;
  }

  /** AdaGrad over (page, block) examples in a shuffled but fixed order. */
  private static void fit(float[] w, List<LabelledPage> pages, List<int[][]> x, long seed) {
    float[] g2 = new float[w.length];
    Arrays.fill(g2, 1e-3f);
    int total = 0;
    for (int p = 0; p < pages.size(); p++) {
      total += pages.get(p).size();
    }
    long[] ids = new long[total];
    int k = 0;
    for (int p = 0; p < pages.size(); p++) {
      for (int i = 0; i < pages.get(p).size(); i++) {
        ids[k++] = ((long) p << 32) | i;
      }
    }
    Random random = new Random(seed);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = ids.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        long t = ids[i];
        ids[i] = ids[j];
        ids[j] = t;
      }
      for (long id : ids) {
        int p = (int) (id >>> 32);
        int i = (int) id;
        LabelledPage page = pages.get(p);
        float weight = page.weights[i];
        if (weight == 0) {
          continue;
        }
        int[] slots = x.get(p)[i];
        double z = BlockModel.sigmoid(BlockModel.dot(w, slots));
        double grad = weight * (z - (page.labels[i] ? 1 : 0));
        for (int s : slots) {
          double g = grad + L2 * w[s];
          g2[s] += (float) (g * g);
          w[s] -= (float) (RATE * g / Math.sqrt(g2[s]));
        }
      }
    }
  }

  /** Share of a block's shingles found in the marked text. */
  private static double covered(long[] t, Set<Long>[] gold) {
    if (t.length == 0) {
      return 0;
    }
    if (t.length < 4) {
      return gold[t.length - 1].contains(gram(t, 0, t.length)) ? 1 : 0;
    }
    int hit = 0;
    for (int i = 0; i + 4 <= t.length; i++) {
      if (gold[3].contains(gram(t, i, 4))) {
        hit++;
      }
    }
    return (double) hit / (t.length - 3);
  }

  @SuppressWarnings("unchecked")
  private static Set<Long>[] grams(long[] t) {
    Set<Long>[] out = new Set[4];
    for (int n = 1; n <= 4; n++) {
      Set<Long> s = new HashSet<>();
      for (int i = 0; i + n <= t.length; i++) {
        s.add(gram(t, i, n));
      }
      out[n - 1] = s;
    }
    return out;
  }

  private static long gram(long[] t, int from, int n) {
    long h = 1125899906842597L;
    for (int i = from; i < from + n; i++) {
      h = 31 * h + t[i];
    }
    return h;
  }

  /** Hashes of the {@code \w+} tokens of a text, case kept (the benchmark's tokens). */
  private static long[] tokens(String text) {
    long[] out = new long[Math.max(4, text.length() / 4)];
    int n = 0;
    long h = 0;
    int len = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c) || c == '_') {
        h = h * 1_000_003L + c;
        len++;
      } else if (len > 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = h;
        h = 0;
        len = 0;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
