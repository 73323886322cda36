package dev.precis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.RawArticle;
import dev.precis.ingest.SourceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code precis load}: a bounded load generator for a running {@code precis serve}. Sends a fixed
 * number of requests at a fixed concurrency and reports throughput and latency percentiles for
 * story reads and for stateless summaries of multi-article posts.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description = {
      "Measures a running server (GET /api/stories/{id}, POST /api/summarize).",
      "Example: ./precis load --url http://127.0.0.1:8080 --requests 20000 --concurrency 16"
    })
final class LoadCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8080",
      description = "Server base URL (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--requests",
      converter = CountConverter.class,
      paramLabel = "N",
      defaultValue = "20000",
      description = "Story reads to send (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--summaries",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Summarize posts to send (default: ${DEFAULT-VALUE}; 0 skips them).")
  int summaries;

  @Option(
      names = "--concurrency",
      converter = CountConverter.class,
      paramLabel = "N",
      defaultValue = "16",
      description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--articles",
      paramLabel = "N",
      defaultValue = "10",
      description = "Articles in each summarize post (default: ${DEFAULT-VALUE}).")
  int articlesPerPost;

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description =
          "Articles for the summarize posts, taken in turn (default: examples/tillerson-lavrov-2017).")
  List<String> input = new ArrayList<>();

  @Option(
      names = "--story",
      paramLabel = "ID",
      description = "Story to read (default: the newest).")
  Long story;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Unmeasured requests of each kind sent first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Override
  public Integer call() throws Exception {
    if (requests < 1 || concurrency < 1 || articlesPerPost < 1 || summaries < 0 || warmup < 0) {
      throw new IllegalArgumentException(
          "--requests, --concurrency and --articles must be at least 1");
    }
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    if (!base.matches("(?i)https?://[^/\\s]+(/\\S*)?")) {
      throw new IllegalArgumentException(
          "--url must be an http(s) URL such as http://127.0.0.1:8080, got '" + url + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(pool)
            .build();
    try {
      long storyId = story != null ? story : newestStory(client, base);
      URI read = URI.create(base + "/api/stories/" + storyId);
      List<Result> results = new ArrayList<>();
      err.printf("precis: load: %d reads of %s, concurrency %d%n", requests, read, concurrency);
      err.flush();
      IntFunction<HttpRequest> reads = i -> HttpRequest.newBuilder(read).GET().build();
      run(client, reads, Math.min(warmup, requests), concurrency);
      results.add(run(client, reads, requests, concurrency).named("GET /api/stories/" + storyId));
      if (summaries > 0) {
        List<byte[]> bodies = summarizeBodies();
        URI post = URI.create(base + "/api/summarize");
        IntFunction<HttpRequest> posts =
            i ->
                HttpRequest.newBuilder(post)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i % bodies.size())))
                    .build();
        err.printf("precis: load: %d summaries of %d articles each%n", summaries, articlesPerPost);
        err.flush();
        run(client, posts, Math.min(warmup / 10, summaries), concurrency);
        results.add(
            run(client, posts, summaries, concurrency)
                .named("POST /api/summarize (" + articlesPerPost + " articles)"));
      }
      out.printf("| endpoint | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms |%n");
      out.printf("|---|---|---|---|---|---|---|---|%n");
      for (Result r : results) {
        out.printf(
            "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f |%n",
            r.name,
            r.latencies.length,
            r.errors,
            r.throughput(),
            r.percentile(50),
            r.percentile(90),
            r.percentile(99),
            r.percentile(100));
      }
      out.flush();
      return results.stream().anyMatch(r -> r.errors > 0) ? 1 : 0;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long newestStory(HttpClient client, String base)
      throws IOException, InterruptedException {
    HttpResponse<String> r;
    try {
      r =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/api/stories?size=1")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // no server there: the user's setup, not an internal error (was "internal error:
      // ConnectException")
      String why =
          e instanceof java.net.ConnectException
              ? "connection refused"
              : e.getMessage() != null ? e.getMessage() : "no answer";
      throw new IllegalArgumentException(
          "cannot reach " + base + " (" + why + "); is ./precis serve running there?");
    }
    if (r.statusCode() != 200) {
      throw new IllegalArgumentException(base + "/api/stories answered " + r.statusCode());
    }
    JsonNode stories = JSON.readTree(r.body()).get("stories");
    if (stories == null || stories.isEmpty()) {
      throw new IllegalArgumentException(
          "the server has no stories yet: ingest some first (./precis ingest examples/tillerson-lavrov-2017)");
    }
    return stories.get(0).get("id").asLong();
  }

  /** Request bodies of {@code articlesPerPost} articles each, cycling through the input. */
  private List<byte[]> summarizeBodies() throws IOException {
    List<String> paths = input.isEmpty() ? List.of("examples/tillerson-lavrov-2017") : input;
    if (input.isEmpty() && !Files.isDirectory(Path.of(paths.get(0)))) {
      throw new IllegalArgumentException("give --input articles for the summarize posts");
    }
    List<RawArticle> pool = new ArrayList<>();
    try (ArticleStream s =
        ArticleSources.open(paths, SourceOptions.defaults().withWarnings(w -> {}))) {
      s.forEachRemaining(pool::add);
    }
    List<byte[]> bodies = new ArrayList<>();
    int variants = Math.max(1, Math.min(pool.size(), 16));
    for (int v = 0; v < variants; v++) {
      ObjectNode body = JSON.createObjectNode();
      ArrayNode list = body.putArray("articles");
      for (int k = 0; k < articlesPerPost; k++) {
        RawArticle a = pool.get((v + k) % pool.size());
        ObjectNode o = list.addObject();
        o.put("id", a.id() + "-" + k);
        o.put(a.format() == RawArticle.Format.HTML ? "html" : "text", a.content());
        if (a.title() != null) {
          o.put("title", a.title());
        }
        if (a.url() != null) {
          o.put("url", a.url());
        }
      }
      bodies.add(JSON.writeValueAsBytes(body));
    }
    return bodies;
  }

  /** Sends {@code n} requests from {@code concurrency} workers; records each latency. */
  private static Result run(
      HttpClient client, IntFunction<HttpRequest> request, int n, int concurrency)
      throws Exception {
    long[] latencies = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        futures.add(
            workers.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < n; ) {
                    long t0 = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r =
                          client.send(request.apply(i), HttpResponse.BodyHandlers.ofByteArray());
                      if (r.statusCode() != 200) {
                        errors.incrementAndGet();
                      }
                    } catch (IOException e) {
                      errors.incrementAndGet();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      return null;
                    }
                    latencies[i] = System.nanoTime() - t0;
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      workers.shutdownNow();
    }
    return new Result("", latencies, errors.get(), System.nanoTime() - start);
  }

  private static final class Result {
    final String name;
    final long[] latencies;
    final int errors;
    final long nanos;

    Result(String name, long[] latencies, int errors, long nanos) {
      this.name = name;
      this.latencies = latencies.clone();
      Arrays.sort(this.latencies);
      this.errors = errors;
      this.nanos = nanos;
    }

    Result named(String n) {
      return new Result(n, latencies, errors, nanos);
    }

    double throughput() {
      return latencies.length / (nanos / 1e9);
    }

    double percentile(double p) {
      if (latencies.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
    }
  }
}
