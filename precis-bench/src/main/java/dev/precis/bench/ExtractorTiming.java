package dev.precis.bench;

import dev.precis.eval.ExtractionEvaluation;
import dev.precis.ingest.HtmlExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jsoup.Jsoup;

/**
 * Main-text extraction over the 1,554 training pages, timed per page with the thread's CPU clock
 * after two warm-up passes: pages per second on one core, the slowest page and the 99th percentile,
 * beside the bare jsoup parse of the same pages (the limit to approach). CPU time rather than wall
 * time, so that the numbers hold on a shared, loaded machine.
 *
 * <pre>
 * java -cp precis-bench/target/benchmarks.jar dev.precis.bench.ExtractorTiming [DIR]
 * </pre>
 */
public final class ExtractorTiming {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ExtractorTiming() {}

  public static void main(String[] args) {
    String dir = args.length > 0 ? args[0] : "../shared/data/extraction-train";
    List<ExtractionEvaluation.Page> pages =
        ExtractionEvaluation.load(Corpus.root().resolve(dir).normalize());
    HtmlExtractor extractor = new HtmlExtractor();
    System.out.printf(Locale.ROOT, "%d pages from %s%n%n", pages.size(), dir);
    System.out.println("| work per page | pages/s (one core) | mean ms | p99 ms | max ms |");
    System.out.println("|---|---|---|---|---|");
    time("jsoup parse alone", pages, p -> Jsoup.parse(p.html(), ""));
    time("parse + main text", pages, p -> extractor.mainText(p.html()));
    time("parse + main text + metadata", pages, p -> extractor.extract(p.html(), p.url()));
  }

  private static void time(
      String name,
      List<ExtractionEvaluation.Page> pages,
      Consumer<ExtractionEvaluation.Page> work) {
    for (int warm = 0; warm < 2; warm++) {
      pages.forEach(work);
    }
    long[] nanos = new long[pages.size()];
    for (int i = 0; i < pages.size(); i++) {
      long start = CPU.getCurrentThreadCpuTime();
      work.accept(pages.get(i));
      nanos[i] = CPU.getCurrentThreadCpuTime() - start;
    }
    long total = Arrays.stream(nanos).sum();
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %.2f | %.1f | %.1f |%n",
        name,
        pages.size() / (total / 1e9),
        total / 1e6 / pages.size(),
        sorted[(int) (sorted.length * 0.99)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
