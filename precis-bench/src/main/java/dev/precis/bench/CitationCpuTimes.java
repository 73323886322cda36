package dev.precis.bench;

import dev.precis.Precis;
import dev.precis.summarize.CitationFinder;
import dev.precis.summarize.CitationModel;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time of selection and of citing every chosen sentence, per 10-article MultiLing cluster, on
 * the thread's CPU clock after a warm-up (meaningful on a loaded machine), with and without the
 * word-vector features of the citation finder.
 *
 * <pre>
 * java -cp precis-bench/target/benchmarks.jar dev.precis.bench.CitationCpuTimes
 * </pre>
 */
public final class CitationCpuTimes {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static final int WARM_UP = 10;
  private static final int ROUNDS = 30;

  private CitationCpuTimes() {}

  public static void main(String[] args) throws IOException {
    List<List<Document>> clusters = Corpus.multiLing();
    CitationFinder.Params p = CitationFinder.Params.defaults();
    CitationFinder plain =
        new CitationFinder(
            new CitationFinder.Params(
                p.minShared(), p.bigramWeight(), p.numberWeight(), CitationModel.shipped(), null));
    System.out.println("| words | finder | selection ms | citing ms (index) | per cluster, CPU |");
    System.out.println("|---|---|---|---|---|");
    for (int words : new int[] {100, 250}) {
      measure(clusters, words, "default", new CitationFinder());
      measure(clusters, words, "no vectors", plain);
    }
  }

  private static void measure(
      List<List<Document>> clusters, int words, String name, CitationFinder finder) {
    long select = 0;
    long cite = 0;
    long index = 0;
    int n = 0;
    int cited = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (List<Document> docs : clusters) {
        long t0 = CPU.getCurrentThreadCpuTime();
        List<Sentence> chosen =
            Precis.defaults().summarizers().create("default").select(docs, words);
        long t1 = CPU.getCurrentThreadCpuTime();
        CitationFinder.Index idx = finder.index(docs);
        long t2 = CPU.getCurrentThreadCpuTime();
        for (Sentence s : chosen) {
          cited += idx.cite(s).size();
        }
        long t3 = CPU.getCurrentThreadCpuTime();
        if (round >= WARM_UP) {
          select += t1 - t0;
          index += t2 - t1;
          cite += t3 - t1;
          n++;
        }
      }
    }
    System.out.printf(
        "| %d | %s | %.2f | %.2f (%.2f) | %d citations |%n",
        words, name, select / 1e6 / n, cite / 1e6 / n, index / 1e6 / n, cited);
  }
}
