package dev.precis.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.EventGroup;
import dev.precis.facts.FactSheet;
import dev.precis.format.EventSummary;
import dev.precis.format.FactSheetFormat;
import dev.precis.format.SummaryFormat;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.InputException;
import dev.precis.ingest.JsonArticles;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precis summarize}: one cited summary of the given articles, or batch mode. */
@Command(
    name = "summarize",
    mixinStandardHelpOptions = true,
    description = {
      "Summarizes articles into a short extractive summary with citations.",
      "PATH is a file, a directory (every .txt/.html/.htm/.json/.jsonl inside, also .gz), - for stdin, a WARC archive (.warc, .warc.gz), an RSS/Atom feed (.rss, .atom, .xml) or an http(s) URL of a page or a feed.",
      "Batch mode: --input clusters.jsonl[.gz] --output summaries.jsonl, one cluster a line: {\"id\": ..., \"documents\": [string | {\"text\" or \"html\", \"title\", \"url\", \"published\"}]}.",
      "JSON outputs list the cleaned text of every article once (\"articles\"); citation offsets {start, end} index into that text."
    })
final class SummarizeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Mixin SummaryChoiceMixin summary;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Articles to summarize: files, directories, URLs, feeds, WARC archives, - for stdin.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description =
          "Batch mode: clusters, one JSON object a line (.gz accepted; - for standard input).")
  Path input;

  @Mixin OutputFileMixin output;

  @Option(
      names = "--truncate",
      description = "Fill the budget exactly by cutting the last sentence at N words.")
  boolean truncate;

  @Option(
      names = "--facts",
      description =
          "Add the fact sheet (entities, quotes, figures with disagreements, timeline) to the output.")
  boolean facts;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, markdown or json (default: ${DEFAULT-VALUE}); batch mode always writes JSON Lines.")
  String format;

  @Mixin SourceOptionsMixin sources;

  @Option(
      names = "--one-summary",
      description =
          "Summarize all articles as one, even when they report several events (by default each event gets its own dated section).")
  boolean oneSummary;

  @Option(
      names = "--threads",
      converter = CountConverter.class,
      paramLabel = "N",
      description = "Worker threads in batch mode (default: all cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    SummaryOptions options = summary.options(truncate);
    if (input != null) {
      if (!paths.isEmpty()) {
        throw new IllegalArgumentException("give either --input or PATH arguments, not both");
      }
      return batch(options);
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException(
          "no input: give PATH arguments, - for stdin, or --input FILE");
    }
    SummaryFormat fmt = SummaryFormat.parse(format);
    PrintWriter err = spec.commandLine().getErr();
    List<RawArticle> raw;
    try (ArticleStream articles = ArticleSources.open(paths, sources.toOptions(err))) {
      raw = articles.toList();
    }
    List<Article> prepared = PreparedArticles.withText(raw, err);
    List<EventGroup> events = oneSummary ? List.of() : Main.PRECIS.events(prepared);
    if (EventGroup.severalEvents(events)) {
      err.println(
          "precis: note: the articles report "
              + events.size()
              + " different events; summarizing each in time order (--one-summary for one summary)");
      err.flush();
      write(renderEvents(fmt, Main.PRECIS.summarizeEvents(events, options)));
      return 0;
    }
    Summary summary = Main.PRECIS.summarizeArticles(prepared, options);
    if (summary.sentences().isEmpty()) {
      // an empty summary with exit code 0 and no word of why left users guessing
      err.println(
          "precis: warning: the summary is empty: no sentence fits in "
              + options.words()
              + " words (raise --words or add --truncate)");
      err.flush();
    }
    write(facts ? withFacts(fmt, summary) : fmt.render(summary));
    return 0;
  }

  /** Several events: a dated section each; with --facts each event gets its own fact sheet. */
  private String renderEvents(SummaryFormat fmt, List<EventSummary> events) {
    if (!facts) {
      return fmt.renderEvents(events);
    }
    if (fmt == SummaryFormat.JSON) {
      ObjectNode json = (ObjectNode) readJson(fmt.renderEvents(events));
      for (int i = 0; i < events.size(); i++) {
        Summary s = events.get(i).summary();
        ((ObjectNode) json.get("events").get(i))
            .set(
                "facts",
                FactSheetFormat.toJson(Main.PRECIS.facts(Main.PRECIS.split(s.articles()))));
      }
      return json.toPrettyString() + "\n";
    }
    StringBuilder b = new StringBuilder();
    for (EventSummary e : events) {
      String section = fmt.renderEvents(List.of(e));
      int body = section.indexOf("\n\n") + 2;
      b.append(section, 0, body).append(withFacts(fmt, e.summary())).append('\n');
    }
    return b.toString();
  }

  private static JsonNode readJson(String s) {
    try {
      return new ObjectMapper().readTree(s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void write(String rendered) throws IOException {
    output.writeOrPrint(rendered, spec.commandLine().getOut());
  }

  private int batch(SummaryOptions options) throws IOException, InterruptedException {
    List<String> lines = readLines(input);
    int n = Math.max(1, threads != null ? threads : Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(n);
    PrintWriter err = spec.commandLine().getErr();
    try (Progress progress = Progress.start("summarize", lines.size(), err)) {
      List<Future<String>> results = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        final int lineNo = i + 1;
        final String line = lines.get(i);
        results.add(
            pool.submit(
                () -> {
                  String out = line.isBlank() ? null : summarizeLine(line, lineNo, options);
                  progress.step();
                  return out;
                }));
      }
      Writer writer;
      AtomicOutput atomic = output.openOrNull();
      try {
        writer = atomic != null ? atomic.writer() : spec.commandLine().getOut();
        for (Future<String> f : results) {
          String out;
          try {
            out = f.get();
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
              throw re;
            }
            throw new IllegalStateException(cause);
          }
          if (out != null) {
            writer.write(out);
            writer.write('\n');
          }
        }
        writer.flush();
        if (atomic != null) {
          atomic.commit();
        }
      } finally {
        if (atomic != null) {
          atomic.close();
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }

  private String summarizeLine(String line, int lineNo, SummaryOptions options) {
    String where = input + ":" + lineNo;
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InputException(where + ": invalid JSON (" + JsonArticles.reason(e) + ")");
    }
    if (node == null || !node.isObject()) {
      throw new InputException(where + ": expected an object with a \"documents\" array");
    }
    JsonNode docs = node.get("documents");
    if (docs == null || !docs.isArray()) {
      throw new InputException(
          where
              + (docs == null
                  ? ": expected an object with a \"documents\" array"
                  : ": field \"documents\" must be an array, got " + JsonArticles.kind(docs)));
    }
    JsonNode idNode = node.get("id");
    if (idNode != null && !idNode.isNull() && !idNode.isTextual() && !idNode.isIntegralNumber()) {
      throw new InputException(
          where
              + ": field \"id\" must be a string or a whole number, got "
              + JsonArticles.kind(idNode));
    }
    String id = node.hasNonNull("id") ? idNode.asText() : String.valueOf(lineNo);
    PrintWriter err = spec.commandLine().getErr();
    List<RawArticle> raw = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      raw.add(
          JsonArticles.parse(
              docs.get(d),
              id + "#" + d,
              where + " document " + d,
              w -> {
                err.println("precis: warning: " + w);
                err.flush();
              }));
    }
    ObjectNode out = JSON.createObjectNode();
    out.put("id", id);
    if (raw.stream().allMatch(r -> r.content().isBlank())) {
      out.put("summary", "");
      out.putArray("sentences");
      out.putArray("documents");
      return out.toString();
    }
    Summary summary = Main.PRECIS.summarize(raw, options);
    ObjectNode json = SummaryFormat.toJson(summary);
    out.set("summary", json.get("summary"));
    out.set("sentences", json.get("sentences"));
    // the cleaned texts the citations' {start, end} index into, once per document
    out.set("documents", json.get("documents"));
    if (facts) {
      out.set(
          "facts",
          FactSheetFormat.toJson(Main.PRECIS.facts(Main.PRECIS.split(summary.articles()))));
    }
    return out.toString();
  }

  /** The summary followed by its fact sheet, in one format ("facts" member in JSON). */
  private static String withFacts(SummaryFormat fmt, Summary summary) {
    FactSheet sheet = Main.PRECIS.facts(Main.PRECIS.split(summary.articles()));
    return switch (fmt) {
      case JSON -> {
        ObjectNode json = SummaryFormat.toJson(summary);
        json.set("facts", FactSheetFormat.toJson(sheet));
        yield json.toPrettyString() + "\n";
      }
      case MARKDOWN -> fmt.render(summary) + "\n" + FactSheetFormat.markdownSection(sheet);
      default -> fmt.render(summary) + "\n" + FactSheetFormat.TEXT.render(sheet, List.of());
    };
  }

  private static List<String> readLines(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new InputException(file + ": is a directory; --input takes one JSON Lines file");
    }
    boolean stdin = file.toString().equals("-") && !Files.exists(file);
    if (!stdin && !Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    // --input - reads the clusters from standard input, for pipelines
    InputStream in =
        stdin
            ? new java.io.FilterInputStream(System.in) {
              @Override
              public void close() {} // System.in stays open
            }
            : Files.newInputStream(file);
    try {
      if (file.toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        List<String> lines = new ArrayList<>();
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
        return lines;
      }
    } catch (java.util.zip.ZipException e) {
      throw new InputException(file + ": not a valid gzip file");
    } catch (IOException e) {
      // a truncated .gz ends in EOFException: the user's file, not an internal error
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    } finally {
      in.close();
    }
  }
}
