package dev.precis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ExtractedPage;
import dev.precis.ingest.HtmlExtractor;
import dev.precis.ingest.InputException;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.ingest.SiteRepeats;
import dev.precis.model.Article;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precis extract}: main text and metadata of HTML pages, one JSON object a line. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts the main text and metadata of HTML pages.",
      "FILE_OR_DIR is an .html/.htm page (optionally .gz) or a directory searched recursively for them.",
      "Each output line: {\"path\", \"title\", \"text\", \"url\", \"published\", \"author\", \"language\", \"outlet\"}; text has one paragraph a line."
    })
final class ExtractCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*", description = "Pages to extract.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "jsonl",
      description = "Output format: jsonl (default: ${DEFAULT-VALUE}).")
  String format;

  @Mixin OutputFileMixin output;

  @Option(
      names = "--clean",
      description =
          "Also run Precis's boilerplate cleaner on the text (paragraphs then separated by blank"
              + " lines).")
  boolean clean;

  @Option(
      names = "--extractor",
      paramLabel = "METHOD",
      description =
          "Main-text method: learned (block classifier) or rules (Readability-style); default: the"
              + " better one on pages neither was tuned on, learned (see README).")
  String extractorMethod;

  @Option(
      names = "--threads",
      converter = CountConverter.class,
      paramLabel = "N",
      description = "Pages extracted in parallel (default: all cores).")
  Integer threads;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + Limits.DEFAULT_MAX_FILE_BYTES,
      description =
          "Refuse pages larger than this, after decompression (default: ${DEFAULT-VALUE}).")
  long maxFileBytes;

  @Option(
      names = "--drop-site-repeats",
      description =
          "Drop lines that repeat across pages of one site (by canonical URL host) within a batch"
              + " of "
              + SITE_BATCH
              + " pages, as site furniture (off by default: see README).")
  boolean dropSiteRepeats;

  /** Pages compared for site-wide repeated lines: consecutive input pages, this many at a time. */
  static final int SITE_BATCH = 2_000;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!format.equalsIgnoreCase("jsonl")) {
      throw new IllegalArgumentException("unknown --format '" + format + "': use jsonl");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = new ArrayList<>();
    List<Path> explicit = new ArrayList<>();
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException(
          "--max-file-bytes must be at least 1, got " + maxFileBytes);
    }
    for (Path p : paths) {
      if (!Files.exists(p) && p.toString().matches("(?i)(https?|ftp|file):/.*")) {
        // a URL given as a path arrives here with its "//" folded to "/"
        throw new InputException(
            p.toString().replaceFirst(":/", "://")
                + ": extract reads saved pages, not URLs (summarize and stories fetch URLs)");
      }
      if (!Files.exists(p)) {
        throw new InputException(p + ": no such file or directory");
      }
      if (Files.isDirectory(p)) {
        List<Path> found = listPages(p);
        if (found.isEmpty()) {
          throw new InputException(
              p + ": directory contains no .html, .htm, .html.gz or .htm.gz files");
        }
        files.addAll(found);
      } else {
        files.add(p);
        explicit.add(p);
      }
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1");
    }
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    HtmlExtractor extractor = Main.extractor(extractorMethod);
    AtomicOutput atomic = output.openOrNull();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try (Progress progress = Progress.start("extract", files.size(), err)) {
      Writer out = atomic != null ? atomic.writer() : spec.commandLine().getOut();
      int written = 0;
      // Pages are extracted in parallel and written in input order; a bounded window of pages
      // in flight keeps memory flat on large directories. Finished pages wait in a batch so that
      // lines repeated across pages of one site can be dropped before they are written.
      Deque<Future<Outcome>> window = new ArrayDeque<>();
      List<Outcome> batch = new ArrayList<>();
      int next = 0;
      while (next < files.size() || !window.isEmpty()) {
        while (next < files.size() && window.size() < 4 * n) {
          Path f = files.get(next++);
          window.add(pool.submit(() -> attempt(f, extractor)));
        }
        Outcome o = await(window.removeFirst());
        progress.step();
        if (o.error() != null) {
          if (explicit.contains(o.file())) {
            throw o.error();
          }
          err.println("precis: warning: skipped " + o.error().getMessage());
          err.flush();
          continue;
        }
        batch.add(o);
        if (batch.size() == SITE_BATCH) {
          written += writeBatch(batch, out);
          batch.clear();
        }
      }
      written += writeBatch(batch, out);
      out.flush();
      if (written == 0) {
        throw new InputException("no pages could be extracted");
      }
      if (atomic != null) {
        atomic.commit();
      }
    } finally {
      pool.shutdownNow();
      if (atomic != null) {
        atomic.close();
      }
    }
    return 0;
  }

  /** One page's result: the extracted page, or why it could not be read. */
  private record Outcome(Path file, ExtractedPage page, InputException error) {}

  private Outcome attempt(Path f, HtmlExtractor extractor) {
    try {
      return new Outcome(f, extractor.extract(readPage(f), null), null);
    } catch (InputException e) {
      return new Outcome(f, null, e);
    }
  }

  /** Writes a batch of pages, without the lines repeated across pages of one site if asked. */
  private int writeBatch(List<Outcome> batch, Writer out) throws IOException {
    List<ExtractedPage> pages = new ArrayList<>(batch.size());
    for (Outcome o : batch) {
      pages.add(o.page());
    }
    if (dropSiteRepeats) {
      pages = SiteRepeats.drop(pages);
    }
    for (int i = 0; i < batch.size(); i++) {
      out.write(toJson(batch.get(i).file(), pages.get(i)));
      out.write('\n');
    }
    return batch.size();
  }

  private static Outcome await(Future<Outcome> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private String toJson(Path f, ExtractedPage page) {
    String text = page.text();
    String title = page.title();
    if (clean) {
      Article a =
          Main.PRECIS.prepare(
              new RawArticle(
                  f.toString(), text, RawArticle.Format.TEXT, title, null, null, f.toString()));
      text = a.text();
      title = a.title();
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("path", f.toString());
    o.put("title", title);
    o.put("text", text);
    o.put("url", page.url());
    o.put("published", page.published() == null ? null : page.published().toString());
    o.put("author", page.author());
    o.put("language", page.language());
    o.put("outlet", page.outlet());
    return o.toString();
  }

  /** The page's text, read as every command reads files (gzip by content, binary refused). */
  private String readPage(Path f) {
    return ArticleSources.readText(f, new Limits(maxFileBytes));
  }

  static boolean isPage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".html")
        || n.endsWith(".htm")
        || n.endsWith(".html.gz")
        || n.endsWith(".htm.gz");
  }

  private static List<Path> listPages(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(ExtractCommand::isPage).sorted().toList();
    } catch (java.io.UncheckedIOException e) {
      throw new InputException(dir + ": cannot list directory (" + e.getCause().getMessage() + ")");
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
    }
  }
}
