package dev.precis.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Gradient-boosted regression trees over a dense feature vector, read as a log-odds score: the sum
 * of one leaf value per tree plus a bias. Each tree is stored as flat arrays; a node sends a vector
 * left when its feature is at most the node's threshold. Trained by {@link BoostedTreesTrainer}.
 *
 * <p>Immutable and thread-safe.
 */
final class BoostedTrees {
  private static final int MAX_TREES = 10_000;
  private static final int MAX_NODES = 1 << 12;

  final float bias;
  final Tree[] trees;

  /**
   * One tree: node {@code k} is a leaf when {@code feature[k] < 0} (its value in {@code value[k]}),
   * otherwise its children are {@code left[k]} and {@code right[k]}.
   */
  record Tree(int[] feature, float[] threshold, int[] left, int[] right, float[] value) {
    double score(float[] x) {
      int k = 0;
      while (feature[k] >= 0) {
        k = x[feature[k]] <= threshold[k] ? left[k] : right[k];
      }
      return value[k];
    }
  }

  BoostedTrees(float bias, Tree[] trees) {
    this.bias = bias;
    this.trees = trees;
  }

  /** The log-odds score of {@code x}. */
  double score(float[] x) {
    double s = bias;
    for (Tree t : trees) {
      s += t.score(x);
    }
    return s;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeFloat(bias);
    out.writeInt(trees.length);
    for (Tree t : trees) {
      out.writeInt(t.feature.length);
      for (int k = 0; k < t.feature.length; k++) {
        out.writeInt(t.feature[k]);
        out.writeFloat(t.threshold[k]);
        out.writeInt(t.left[k]);
        out.writeInt(t.right[k]);
        out.writeFloat(t.value[k]);
      }
    }
  }

  /** Reads trees written by {@link #write}, checking every index against the feature count. */
  static BoostedTrees read(DataInputStream in, int features) throws IOException {
    float bias = in.readFloat();
    int count = in.readInt();
    if (count < 0 || count > MAX_TREES) {
      throw new IOException("corrupt block model");
    }
    Tree[] trees = new Tree[count];
    for (int t = 0; t < count; t++) {
      int nodes = in.readInt();
      if (nodes <= 0 || nodes > MAX_NODES) {
        throw new IOException("corrupt block model");
      }
      int[] feature = new int[nodes];
      float[] threshold = new float[nodes];
      int[] left = new int[nodes];
      int[] right = new int[nodes];
      float[] value = new float[nodes];
      for (int k = 0; k < nodes; k++) {
        feature[k] = in.readInt();
        threshold[k] = in.readFloat();
        left[k] = in.readInt();
        right[k] = in.readInt();
        value[k] = in.readFloat();
        // children come after their parent, so every walk ends at a leaf
        boolean inner = feature[k] >= 0;
        if (feature[k] >= features
            || inner && (left[k] <= k || left[k] >= nodes || right[k] <= k || right[k] >= nodes)) {
          throw new IOException("corrupt block model");
        }
      }
      trees[t] = new Tree(feature, threshold, left, right, value);
    }
    return new BoostedTrees(bias, trees);
  }
}
