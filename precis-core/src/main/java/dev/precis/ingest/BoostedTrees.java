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
  private static final int MAX_DEPTH = 12;

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

  // The trees again, laid out for speed: each as a complete binary tree of depth {@code depth}
  // (node k's children at 2k + 1 and 2k + 2), every tree's inner nodes and leaves in one array,
  // so that a walk is {@code depth} steps without branches on the tree's shape. A leaf that sits
  // higher in the original tree becomes an always-left split over copies of its value.
  private final int depth;
  private final int inner;
  private final int[] splitFeature;
  private final float[] splitThreshold;
  private final float[] leafValue;

  BoostedTrees(float bias, Tree[] trees) {
    this.bias = bias;
    this.trees = trees;
    int d = 0;
    for (Tree t : trees) {
      d = Math.max(d, depth(t, 0));
    }
    this.depth = d;
    this.inner = (1 << d) - 1;
    int leaves = 1 << d;
    this.splitFeature = new int[trees.length * inner];
    this.splitThreshold = new float[trees.length * inner];
    this.leafValue = new float[trees.length * leaves];
    for (int t = 0; t < trees.length; t++) {
      lay(trees[t], 0, 0, 0, t * inner, t * leaves);
    }
  }

  private static int depth(Tree t, int k) {
    return t.feature[k] < 0 ? 0 : 1 + Math.max(depth(t, t.left[k]), depth(t, t.right[k]));
  }

  private void lay(Tree t, int k, int pos, int level, int innerBase, int leafBase) {
    if (level == depth) {
      leafValue[leafBase + pos - inner] = t.value[k];
      return;
    }
    boolean leaf = t.feature[k] < 0;
    splitFeature[innerBase + pos] = leaf ? 0 : t.feature[k];
    splitThreshold[innerBase + pos] = leaf ? Float.POSITIVE_INFINITY : t.threshold[k];
    lay(t, leaf ? k : t.left[k], 2 * pos + 1, level + 1, innerBase, leafBase);
    lay(t, leaf ? k : t.right[k], 2 * pos + 2, level + 1, innerBase, leafBase);
  }

  /** The first {@code count} trees alone (a smaller model, to choose the tree count by CV). */
  BoostedTrees prefix(int count) {
    return new BoostedTrees(bias, java.util.Arrays.copyOf(trees, Math.min(count, trees.length)));
  }

  /** The log-odds score of {@code x}. */
  double score(float[] x) {
    double s = bias;
    int leaves = inner + 1;
    for (int t = 0, base = 0; t < trees.length; t++, base += inner) {
      int k = 0;
      for (int level = 0; level < depth; level++) {
        k = 2 * k + (x[splitFeature[base + k]] <= splitThreshold[base + k] ? 1 : 2);
      }
      s += leafValue[t * leaves + k - inner];
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
      if (depth(trees[t], 0) > MAX_DEPTH) {
        throw new IOException("corrupt block model");
      }
    }
    return new BoostedTrees(bias, trees);
  }
}
