package dev.precis.eval;

import dev.precis.Precis;
import dev.precis.eval.baseline.OracleSummarizer;
import dev.precis.eval.rouge.Rouge;
import dev.precis.eval.rouge.RougeBootstrap;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.eval.rouge.RougeScore;
import dev.precis.eval.rouge.RougeText;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.Words;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs summarizers over an evaluation set and scores them with {@link Rouge}: every cluster is
 * prepared and split once ({@code Precis.prepare} + {@code Precis.split}), each summarizer selects
 * sentences under the same word budget, and the system averages are ROUGE-1.5.5's bootstrap
 * averages with their confidence intervals. Clusters run in parallel; the time per cluster is the
 * CPU time of the thread running {@code select} (after a short warm-up), so it is the cost on one
 * core however many threads run.
 */
public final class Evaluation {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WARM_UP_CLUSTERS = 5;

  /** Prefix of the names of systems whose summaries come with the dataset ({@code peer:ID3}). */
  public static final String PEER = "peer:";

  private Evaluation() {}

  /** The word budget: fixed, or each cluster's mean reference length. */
  public record Budget(int words) {
    public static Budget fixed(int words) {
      if (words < 1) {
        throw new IllegalArgumentException("--words must be at least 1, got " + words);
      }
      return new Budget(words);
    }

    public static Budget reference() {
      return new Budget(0);
    }

    public boolean isReference() {
      return words == 0;
    }

    int forCluster(EvalCluster c) {
      return isReference() ? Math.max(1, c.referenceWords()) : words;
    }

    @Override
    public String toString() {
      return isReference() ? "reference" : String.valueOf(words);
    }
  }

  /** One summarizer's summary of one cluster with its scores. */
  public record ClusterResult(
      String cluster,
      String summarizer,
      List<String> summary,
      Map<String, RougeScore> scores,
      double millis) {}

  /** One summarizer over the whole set. */
  public record SystemResult(
      String summarizer,
      Map<String, RougeBootstrap.Average> scores,
      double averageWords,
      double msPerCluster,
      int clusters) {}

  /** The whole run. */
  public record Result(
      List<SystemResult> systems,
      List<ClusterResult> perCluster,
      RougeOptions options,
      Budget budget,
      int clusters) {}

  /**
   * Evaluates the summarizers by name ({@code "oracle"} is built per cluster from its references).
   *
   * @param rouge ROUGE options; with a fixed budget, pass them with {@code -l} set if wanted
   * @param threads worker threads (1 or more)
   * @param onClusterDone called once per finished cluster (for a progress bar), any thread
   */
  public static Result run(
      Precis precis,
      List<EvalCluster> clusters,
      List<String> summarizers,
      Budget budget,
      RougeOptions rouge,
      int threads,
      Runnable onClusterDone) {
    for (String name : summarizers) {
      if (name.startsWith(PEER)) {
        String system = name.substring(PEER.length());
        if (clusters.stream().noneMatch(c -> c.peers().containsKey(system))) {
          throw new IllegalArgumentException(
              "no summaries of system '" + system + "' in the dataset");
        }
      } else if (!name.equals("oracle")) {
        precis.summarizers().check(name); // fail fast on unknown names
      }
    }
    Rouge scorer = new Rouge(rouge);
    // warm-up: let the JIT compile the summarizers before anything is timed
    for (int i = 0; i < Math.min(WARM_UP_CLUSTERS, clusters.size()); i++) {
      List<Document> docs = prepare(precis, clusters.get(i));
      for (String name : summarizers) {
        if (!name.startsWith(PEER)) {
          summarizer(precis, name, clusters.get(i))
              .select(docs, budget.forCluster(clusters.get(i)));
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    List<Future<List<ClusterResult>>> futures = new ArrayList<>();
    try {
      for (EvalCluster c : clusters) {
        futures.add(
            pool.submit(
                () -> {
                  List<ClusterResult> r = evaluate(precis, c, summarizers, budget, scorer);
                  if (onClusterDone != null) {
                    onClusterDone.run();
                  }
                  return r;
                }));
      }
      List<ClusterResult> all = new ArrayList<>();
      for (Future<List<ClusterResult>> f : futures) {
        all.addAll(f.get());
      }
      return new Result(aggregate(all, summarizers, rouge), all, rouge, budget, clusters.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Summarizer summarizer(Precis precis, String name, EvalCluster c) {
    return name.equals("oracle")
        ? new OracleSummarizer(c.references())
        : precis.summarizers().create(name);
  }

  /** Every system with summaries in the dataset, as {@code peer:ID} names, sorted. */
  public static List<String> peerNames(List<EvalCluster> clusters) {
    java.util.TreeSet<String> systems =
        new java.util.TreeSet<>(
            // natural order: ID2 before ID10
            java.util.Comparator.comparing((String x) -> x.replaceAll("\\d+$", ""))
                .thenComparingInt(String::length)
                .thenComparing(x -> x));
    for (EvalCluster c : clusters) {
      systems.addAll(c.peers().keySet());
    }
    return systems.stream().map(x -> PEER + x).toList();
  }

  /** The cluster's documents as every summarizer sees them. */
  public static List<Document> prepare(Precis precis, EvalCluster c) {
    List<Article> articles = new ArrayList<>(c.documents().size());
    for (RawArticle r : c.documents()) {
      articles.add(precis.prepare(r));
    }
    return precis.split(articles);
  }

  private static List<ClusterResult> evaluate(
      Precis precis, EvalCluster c, List<String> summarizers, Budget budget, Rouge scorer) {
    List<Document> docs = prepare(precis, c);
    List<RougeText> models = new ArrayList<>();
    for (List<String> r : c.references()) {
      models.add(RougeText.of(r, scorer.options()));
    }
    int words = budget.forCluster(c);
    List<ClusterResult> out = new ArrayList<>();
    for (String name : summarizers) {
      if (name.startsWith(PEER)) {
        // a system's own summary: scored as it is (ROUGE's -l still cuts it), not timed
        List<String> lines = c.peers().get(name.substring(PEER.length()));
        if (lines != null) {
          Map<String, RougeScore> scores =
              scorer.score(RougeText.of(lines, scorer.options()), models);
          out.add(new ClusterResult(c.id(), name, lines, scores, 0));
        }
        continue;
      }
      Summarizer s = summarizer(precis, name, c);
      long start = cpuNanos();
      List<Sentence> chosen = s.select(docs, words);
      long nanos = cpuNanos() - start;
      List<String> lines = new ArrayList<>(chosen.size());
      for (Sentence sentence : chosen) {
        lines.add(sentence.text().replaceAll("\\s+", " ").strip());
      }
      Map<String, RougeScore> scores = scorer.score(RougeText.of(lines, scorer.options()), models);
      out.add(new ClusterResult(c.id(), name, lines, scores, nanos / 1e6));
    }
    return out;
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported()
        ? THREADS.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  private static List<SystemResult> aggregate(
      List<ClusterResult> all, List<String> summarizers, RougeOptions rouge) {
    List<SystemResult> out = new ArrayList<>();
    for (String name : summarizers) {
      List<ClusterResult> mine = all.stream().filter(r -> r.summarizer().equals(name)).toList();
      Map<String, RougeBootstrap.Average> scores = new LinkedHashMap<>();
      for (String metric : rouge.metricNames()) {
        List<RougeBootstrap.Instance> instances = new ArrayList<>(mine.size());
        for (ClusterResult r : mine) {
          instances.add(new RougeBootstrap.Instance(r.cluster(), r.scores().get(metric)));
        }
        scores.put(
            metric, RougeBootstrap.average(instances, rouge.confidence(), rouge.resamples()));
      }
      double words = 0;
      double millis = 0;
      for (ClusterResult r : mine) {
        for (String l : r.summary()) {
          words += Words.count(l);
        }
        millis += r.millis();
      }
      int n = Math.max(1, mine.size());
      out.add(new SystemResult(name, scores, words / n, millis / n, mine.size()));
    }
    return out;
  }
}
