package dev.precis.eval.vectors;

import dev.precis.model.Article;
import dev.precis.story.ArticleMeaning;
import dev.precis.text.analysis.TextVector;
import dev.precis.text.analysis.WordVectors;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Probe (branch {@code events-minilm}): unit sentence vectors of articles by id, computed once by
 * {@link MeaningEmbedding} and handed to the clusterer through {@link ArticleMeaning}. File: int
 * count, int dimensions, then per article its id (modified UTF-8) and its floats.
 */
public final class MeaningCache {
  private MeaningCache() {}

  /** Characters of an article's text the static vectors read (as the events-vectors trial). */
  static final int STATIC_LEAD_CHARS = 6000;

  public static Map<String, float[]> read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int n = in.readInt();
      int d = in.readInt();
      Map<String, float[]> out = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        String id = in.readUTF();
        float[] v = new float[d];
        for (int k = 0; k < d; k++) {
          v[k] = in.readFloat();
        }
        out.put(id, v);
      }
      return out;
    }
  }

  public static void write(Path file, Map<String, float[]> vectors) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      int d = vectors.isEmpty() ? 0 : vectors.values().iterator().next().length;
      out.writeInt(vectors.size());
      out.writeInt(d);
      for (Map.Entry<String, float[]> e : vectors.entrySet()) {
        out.writeUTF(e.getKey());
        for (float x : e.getValue()) {
          out.writeFloat(x);
        }
      }
    }
  }

  /**
   * Installs a source of article vectors for the clusterer: {@code static} (the shipped static word
   * vectors of title and lead), a cache file, or a cache file followed by {@code :centred} (each
   * vector minus the mean of all the cache's vectors, at unit length); {@code null} removes it.
   */
  public static void install(String spec) throws IOException {
    if (spec == null) {
      ArticleMeaning.use(null);
      return;
    }
    if (spec.equals("static")) {
      WordVectors w = WordVectors.shared();
      ArticleMeaning.use(
          a -> {
            String lead =
                a.text().length() > STATIC_LEAD_CHARS
                    ? a.text().substring(0, STATIC_LEAD_CHARS)
                    : a.text();
            String t = a.title() == null || a.title().isBlank() ? lead : a.title() + "\n" + lead;
            TextVector v = w.ofText(t);
            return v.isEmpty() ? null : v.values();
          });
      return;
    }
    boolean centred = spec.endsWith(":centred");
    Map<String, float[]> cache =
        read(Path.of(centred ? spec.substring(0, spec.length() - ":centred".length()) : spec));
    for (float[] v : cache.values()) {
      unit(v);
    }
    if (centred && !cache.isEmpty()) {
      int d = cache.values().iterator().next().length;
      double[] mean = new double[d];
      for (float[] v : cache.values()) {
        for (int k = 0; k < d; k++) {
          mean[k] += v[k];
        }
      }
      for (float[] v : cache.values()) {
        for (int k = 0; k < d; k++) {
          v[k] -= (float) (mean[k] / cache.size());
        }
        unit(v);
      }
    }
    ArticleMeaning.use((Article a) -> cache.get(a.id()));
  }

  static void unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += (double) x * x;
    }
    if (n > 0) {
      float inv = (float) (1 / Math.sqrt(n));
      for (int k = 0; k < v.length; k++) {
        v[k] *= inv;
      }
    }
  }
}
