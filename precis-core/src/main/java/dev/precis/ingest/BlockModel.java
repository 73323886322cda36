package dev.precis.ingest;

import dev.precis.model.ShippedResource;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained block classifier, in two stages. The first, a logistic regression over hashed binary
 * features ({@link BlockFeatures}), judges each block by itself; the second, gradient-boosted trees
 * ({@link BoostedTrees}), smooths: it judges each block again from the first stage's probabilities
 * for it, its neighbours, its container and its template, and where it lies relative to the page's
 * most article-like subtree ({@link BlockContext}). A third stage (stacking) may smooth once more,
 * the same way, over the second stage's probabilities. Trained by {@link BlockModelTrainer}; the
 * shipped model is the resource {@value #RESOURCE}, written by {@code precis train-extractor}.
 *
 * <p>Immutable and thread-safe.
 */
public final class BlockModel {
  static final String RESOURCE = "/dev/precis/ingest/block-model.bin.gz";
  private static final int MAGIC = 0x50424d33; // "PBM3"
  private static final int MAGIC_TWO_STAGES = 0x50424d32; // "PBM2": no refining stage

  final float[] blockWeights;
  final BoostedTrees context;

  /** Third stage (stacking), or null: the same smoothing again over the second stage's output. */
  final BoostedTrees refine;

  BlockModel(float[] blockWeights, BoostedTrees context, BoostedTrees refine) {
    this.blockWeights = blockWeights;
    this.context = context;
    this.refine = refine;
  }

  /** The model shipped inside the jar. */
  public static BlockModel standard() {
    return Shipped.MODEL;
  }

  private static final class Shipped {
    static final BlockModel MODEL =
        ShippedResource.load(BlockModel.class, RESOURCE, BlockModel::read);
  }

  /** Probability that each block of the page is main text, after smoothing. */
  double[] probabilities(PageBlocks page) {
    return probabilities(page, true);
  }

  /** As {@link #probabilities(PageBlocks)}, with or without the refining stage. */
  double[] probabilities(PageBlocks page, boolean refined) {
    double[] second = smooth(page, firstStage(page), context);
    return refined && refine != null ? smooth(page, second, refine) : second;
  }

  double[] firstStage(PageBlocks page) {
    int[][] features = BlockFeatures.of(page);
    double[] first = new double[features.length];
    for (int i = 0; i < features.length; i++) {
      first[i] = sigmoid(dot(blockWeights, features[i]));
    }
    return first;
  }

  /** One smoothing pass: the trees judge each block again from {@code p} around it. */
  static double[] smooth(PageBlocks page, double[] p, BoostedTrees trees) {
    float[][] x = BlockContext.of(page, p);
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = sigmoid(trees.score(x[i]));
    }
    return out;
  }

  static double dot(float[] w, int[] slots) {
    double s = 0;
    for (int k : slots) {
      s += w[k];
    }
    return s;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Writes the model (sparse, gzip) to {@code file}. */
  public void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeInt(refine == null ? MAGIC_TWO_STAGES : MAGIC);
      writeSparse(out, blockWeights);
      context.write(out);
      if (refine != null) {
        refine.write(out);
      }
    }
  }

  /** Reads a model written by {@link #save}. */
  public static BlockModel read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
    int magic = in.readInt();
    if (magic != MAGIC && magic != MAGIC_TWO_STAGES) {
      throw new IOException("not a block model");
    }
    float[] blockWeights = readSparse(in);
    BoostedTrees context = BoostedTrees.read(in, BlockContext.FEATURES);
    BoostedTrees refine = magic == MAGIC ? BoostedTrees.read(in, BlockContext.FEATURES) : null;
    return new BlockModel(blockWeights, context, refine);
  }

  private static void writeSparse(DataOutputStream out, float[] w) throws IOException {
    int n = 0;
    for (float x : w) {
      if (x != 0) {
        n++;
      }
    }
    out.writeInt(w.length);
    out.writeInt(n);
    int last = 0;
    for (int i = 0; i < w.length; i++) {
      if (w[i] != 0) {
        out.writeInt(i - last); // gaps compress better than indices
        out.writeFloat(w[i]);
        last = i;
      }
    }
  }

  private static float[] readSparse(DataInputStream in) throws IOException {
    int dim = in.readInt();
    int n = in.readInt();
    if (dim <= 0 || dim > 1 << 24 || n < 0 || n > dim) {
      throw new IOException("corrupt block model");
    }
    float[] w = new float[dim];
    int at = 0;
    for (int k = 0; k < n; k++) {
      at += in.readInt();
      if (at < 0 || at >= dim) {
        throw new IOException("corrupt block model");
      }
      w[at] = in.readFloat();
    }
    return w;
  }
}
