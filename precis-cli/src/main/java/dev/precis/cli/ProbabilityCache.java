package dev.precis.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Per-page block probabilities on disk (gzip), so that post-smoothing cuts can be scored again. */
final class ProbabilityCache {
  private ProbabilityCache() {}

  static void write(Path file, double[][] p) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(p.length);
      for (double[] page : p) {
        out.writeInt(page.length);
        for (double x : page) {
          out.writeDouble(x);
        }
      }
    }
  }

  static double[][] read(Path file, int pages) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      if (n != pages) {
        throw new IOException(file + " holds " + n + " pages, not " + pages);
      }
      double[][] p = new double[n][];
      for (int i = 0; i < n; i++) {
        p[i] = new double[in.readInt()];
        for (int k = 0; k < p[i].length; k++) {
          p[i][k] = in.readDouble();
        }
      }
      return p;
    }
  }
}
