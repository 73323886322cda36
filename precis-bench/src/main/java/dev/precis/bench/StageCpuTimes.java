package dev.precis.bench;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.summarize.SummaryOptions;
import dev.precis.text.Document;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CPU time per pipeline stage, measured with the thread's CPU clock after a warm-up. Unlike
 * wall-clock benchmarks this stays meaningful on a shared, loaded machine: it counts only the
 * cycles the stage itself used on one core.
 *
 * <pre>
 * java -cp precis-bench/target/benchmarks.jar dev.precis.bench.StageCpuTimes
 * </pre>
 */
public final class StageCpuTimes {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private StageCpuTimes() {}

  public static void main(String[] args) {
    List<RawArticle> example = Corpus.example();
    List<RawArticle> ten = new ArrayList<>(example);
    ten.addAll(example); // a 10-article cluster, the size the targets are stated for
    List<List<RawArticle>> multiNews = Corpus.multiNews(1000);

    System.out.println("| stage | input | CPU ms per cluster (one core) |");
    System.out.println("|---|---|---|");
    report("clean (prepare)", "10 example articles", 300, () -> prepare(ten));
    List<Article> articles = prepare(ten);
    report("split", "10 example articles", 300, () -> Precis.defaults().split(articles));
    List<Document> docs = Precis.defaults().split(articles);
    report(
        "select + cite, 100 words",
        "10 example articles",
        300,
        () -> Precis.defaults().summarizeDocuments(docs, SummaryOptions.defaults()));
    report("facts", "10 example articles", 100, () -> Precis.defaults().facts(docs));
    report(
        "whole pipeline, 100 words",
        "10 example articles",
        300,
        () -> Precis.defaults().summarize(ten, SummaryOptions.defaults()));
    report(
        "whole pipeline, 100 words",
        "Multi-News val cluster (first 1,000)",
        1,
        () -> multiNews.forEach(c -> Precis.defaults().summarize(c, SummaryOptions.defaults())),
        multiNews.size());
  }

  private static List<Article> prepare(List<RawArticle> raw) {
    List<Article> out = new ArrayList<>(raw.size());
    raw.forEach(r -> out.add(Precis.defaults().prepare(r)));
    return out;
  }

  private static void report(String stage, String input, int runs, Runnable work) {
    report(stage, input, runs, work, 1);
  }

  private static void report(String stage, String input, int runs, Runnable work, int perRun) {
    Consumer<Integer> loop =
        n -> {
          for (int i = 0; i < n; i++) {
            work.run();
          }
        };
    loop.accept(Math.max(3, runs)); // warm-up: let the JIT compile the stage
    long start = CPU.getCurrentThreadCpuTime();
    loop.accept(runs);
    double ms = (CPU.getCurrentThreadCpuTime() - start) / 1e6 / runs / perRun;
    System.out.printf("| %s | %s | %.2f |%n", stage, input, ms);
  }
}
