package dev.precis.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The one entry point for ingestion: expands command-line inputs into a stream of {@link
 * RawArticle}s, reading lazily so that a million articles never sit in memory.
 *
 * <p>Each input is one of:
 *
 * <ul>
 *   <li>{@code -}: standard input (plain text, HTML, JSON, JSON Lines or WARC, sniffed);
 *   <li>an {@code http://} or {@code https://} URL: fetched with {@link HttpFetcher}; an HTML or
 *       text page is one article, an RSS/Atom feed gives its items (see below);
 *   <li>a directory: every article file inside, recursively, in name order (files that cannot be
 *       used are skipped with a warning);
 *   <li>a file, by extension, else by content: {@code .txt}, {@code .html}/{@code .htm} ({@code
 *       .gz} too), {@code .json} (one article, a list, or {@code {"documents": [...]}}), {@code
 *       .jsonl}/{@code .ndjson} ({@code .gz} too; one article a line: {@code id}, {@code text} or
 *       {@code html}, optional {@code title}, {@code url}, {@code published}, {@code source}),
 *       {@code .warc}/{@code .warc.gz} (every 2xx HTML response record), and {@code .rss}/{@code
 *       .atom}/{@code .xml} feeds.
 * </ul>
 *
 * A feed item becomes the page its link points to, fetched, or with {@link
 * SourceOptions#fetchFeedLinks()} off its own content or description (then the feed's title becomes
 * {@link RawArticle#source()}). Fetch and WARC times become {@link RawArticle#retrieved()}.
 *
 * <p>Errors: an input named explicitly that cannot be read (missing path, empty directory, refused
 * or failed URL, invalid JSON line, over-large file) is an {@link InputException} with a one-line
 * message, thrown by {@code open} when it can be seen up front and otherwise when the stream
 * reaches it; a file inside a directory, a WARC record or a feed link that cannot be used is
 * skipped with a warning; empty articles are skipped with a warning; a stream that ends without a
 * single article throws {@link InputException} ("no articles to read in ...").
 *
 * <pre>{@code
 * SourceOptions options = SourceOptions.defaults()
 *     .withWarnings(w -> System.err.println("warning: " + w));
 * try (ArticleStream articles = ArticleSources.open(List.of("news/", "crawl.warc.gz",
 *     "https://example.com/feed.xml"), options)) {
 *   while (articles.hasNext()) {
 *     Article a = Precis.defaults().prepare(articles.next());
 *     ...
 *   }
 * }
 * }</pre>
 */
public final class ArticleSources {
  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  private static final String[] ARTICLE_SUFFIXES = {
    ".txt",
    ".html",
    ".htm",
    ".json",
    ".jsonl",
    ".ndjson",
    ".warc",
    ".rss",
    ".atom",
    ".xml",
    ".txt.gz",
    ".html.gz",
    ".htm.gz",
    ".jsonl.gz",
    ".ndjson.gz",
    ".warc.gz"
  };

  private ArticleSources() {}

  /**
   * Opens the inputs as one stream of articles, fetching with the process-wide fetcher for {@link
   * SourceOptions#fetch()} ({@link HttpFetcher#shared}), so that per-host delays and robots.txt
   * rules hold across streams opened one input at a time.
   *
   * @throws InputException when an input is missing, an empty directory or not a valid URL
   */
  public static ArticleStream open(List<String> inputs, SourceOptions options) {
    return open(inputs, options, HttpFetcher.shared(options.fetch()));
  }

  /**
   * Opens the inputs as one stream of articles, fetching URLs with the given fetcher (share one
   * fetcher across streams to keep its per-host delays and robots.txt rules).
   */
  public static ArticleStream open(
      List<String> inputs, SourceOptions options, HttpFetcher fetcher) {
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("no input: give files, directories, URLs or - for stdin");
    }
    for (String input : inputs) {
      check(input);
    }
    Iterator<String> it = inputs.iterator();
    Iterator<Supplier<ArticleIterator>> openers =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Supplier<ArticleIterator> next() {
            String input = it.next();
            return () -> openInput(input, options, fetcher);
          }
        };
    return new ArticleStream(ArticleIterator.concat(openers, null), inputs, options.warnings());
  }

  /**
   * Opens one local file (any format {@link #open} reads) as a stream that goes on after a record
   * it cannot read: a {@code hasNext()} that throws {@link InputException} has skipped that record,
   * and the next call reads on. For callers that count bad records instead of stopping (the Spark
   * job); a reader that fails again and again has met a broken file.
   */
  public static ArticleStream openFile(Path file, SourceOptions options) {
    return new ArticleStream(
        openFile(file, options, HttpFetcher.shared(options.fetch())),
        List.of(file.toString()),
        options.warnings());
  }

  /** True when the input is a URL ({@code scheme://...}) rather than a path. */
  public static boolean isUrl(String input) {
    return URL_SCHEME.matcher(input).matches();
  }

  /** True for names of files that a directory walk reads as articles, archives or feeds. */
  public static boolean isArticleFile(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (String s : ARTICLE_SUFFIXES) {
      if (n.endsWith(s)) {
        return true;
      }
    }
    return false;
  }

  /** Fails early on inputs that cannot work, before any article is read. */
  private static void check(String input) {
    if (input.equals("-")) {
      return;
    }
    if (isUrl(input)) {
      HttpFetcher.parseUrl(input); // syntax and scheme
      return;
    }
    Path path = Path.of(input);
    if (!Files.exists(path)) {
      throw new InputException(input + ": no such file or directory");
    }
    if (Files.isDirectory(path) && !containsArticleFile(path)) {
      throw new InputException(
          input + ": directory contains no .txt, .html, .json, .jsonl, " + "WARC or feed files");
    }
  }

  private static boolean containsArticleFile(Path dir) {
    Iterator<Path> files = walk(dir);
    return files.hasNext();
  }

  private static ArticleIterator openInput(
      String input, SourceOptions options, HttpFetcher fetcher) {
    if (input.equals("-")) {
      return openStdin(options);
    }
    if (isUrl(input)) {
      return openUrl(input, options, fetcher);
    }
    Path path = Path.of(input);
    if (Files.isDirectory(path)) {
      Iterator<Path> files = walk(path);
      Iterator<Supplier<ArticleIterator>> openers =
          new Iterator<>() {
            @Override
            public boolean hasNext() {
              return files.hasNext();
            }

            @Override
            public Supplier<ArticleIterator> next() {
              Path f = files.next();
              return () -> openFile(f, options, fetcher);
            }
          };
      return ArticleIterator.concat(openers, options.warnings());
    }
    return openFile(path, options, fetcher);
  }

  /** Opens one file by its extension, else by its first bytes. */
  static ArticleIterator openFile(Path file, SourceOptions options, HttpFetcher fetcher) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Limits limits = options.limits();
    if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
      return WarcArticles.open(file, limits, options.warnings());
    }
    if (name.endsWith(".jsonl")
        || name.endsWith(".ndjson")
        || name.endsWith(".jsonl.gz")
        || name.endsWith(".ndjson.gz")) {
      return JsonLinesArticles.open(file, limits, options.warnings());
    }
    ArticleReader reader = new ArticleReader(limits, options.warnings());
    if (name.endsWith(".rss") || name.endsWith(".atom") || name.endsWith(".xml")) {
      byte[] bytes = readFile(file, limits);
      return FeedArticles.parse(
          bytes, file.toString(), null, options.fetchFeedLinks(), fetcher, options.warnings());
    }
    byte[] head = head(file);
    if (startsWith(head, "WARC/")) {
      return WarcArticles.open(file, limits, options.warnings());
    }
    if (isGzip(head)) {
      if (startsWith(gunzippedHead(file), "WARC/")) {
        return WarcArticles.open(file, limits, options.warnings()); // streamed, any size
      }
      byte[] inner = gunzipLimited(file, limits);
      String id = file.getFileName().toString().replaceFirst("(?i)(\\.[a-z0-9]+)?\\.gz$", "");
      String origin = file.toString();
      String innerName = origin.substring(0, origin.length() - (name.endsWith(".gz") ? 3 : 0));
      return ArticleIterator.of(
          reader.fromBytes(inner, id, innerName.equals(origin) ? origin : innerName));
    }
    if (!name.endsWith(".txt")
        && !name.endsWith(".html")
        && !name.endsWith(".htm")
        && !name.endsWith(".json")
        && looksLikeXmlFeed(head)) {
      return FeedArticles.parse(
          readFile(file, limits),
          file.toString(),
          null,
          options.fetchFeedLinks(),
          fetcher,
          options.warnings());
    }
    return ArticleIterator.of(reader.fromFile(file));
  }

  private static ArticleIterator openUrl(String input, SourceOptions options, HttpFetcher fetcher) {
    FetchResult page = fetcher.fetch(input);
    byte[] body = page.body();
    byte[] head = java.util.Arrays.copyOf(body, Math.min(body.length, 4096));
    // some servers label their feeds text/html or text/plain: the document decides
    if (page.isFeed() || looksLikeXmlFeed(head)) {
      return FeedArticles.parse(
          page.body(), input, page.uri(), options.fetchFeedLinks(), fetcher, options.warnings());
    }
    if (page.isHtml() || "text/plain".equals(page.mediaType()) || page.mediaType() == null) {
      String text = page.text();
      RawArticle.Format format =
          page.isHtml()
              ? RawArticle.Format.HTML
              : page.mediaType() == null ? RawArticle.Format.sniff(text) : RawArticle.Format.TEXT;
      return ArticleIterator.of(
          List.of(
              new RawArticle(
                  input,
                  text,
                  format,
                  null,
                  page.uri().toString(),
                  null,
                  input,
                  null,
                  page.fetched())));
    }
    throw new InputException(input + ": " + page.mediaType() + " but not an RSS or Atom feed");
  }

  private static ArticleIterator openStdin(SourceOptions options) {
    BufferedInputStream in = new BufferedInputStream(options.stdin(), 1 << 16);
    Limits limits = options.limits();
    try {
      in.mark(1 << 16);
      byte[] magic = in.readNBytes(5);
      in.reset();
      if (isGzip(magic)) {
        // gzip of anything: WARC, JSON Lines, a page; look inside
        try {
          in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        } catch (IOException e) {
          throw new InputException("stdin: not a valid gzip stream");
        }
        in.mark(1 << 16);
        magic = in.readNBytes(5);
        in.reset();
      }
      if (startsWith(magic, "WARC/")) {
        return WarcArticles.open(in, "stdin", limits, options.warnings());
      }
      // JSON Lines when the first line is a JSON object and another object follows; read only
      // that far, so a slow producer's first article is not held back
      in.mark(1 << 16);
      byte[] firstLine = readFirstLine(in, 1 << 15);
      int next = firstNonSpace(in, (1 << 16) - firstLine.length - 1);
      in.reset();
      String first = new String(firstLine, StandardCharsets.UTF_8).strip();
      if (first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      if (first.startsWith("{") && next == '{' && isJsonObject(first)) {
        return new JsonLinesArticles(
            in, "stdin", "stdin", limits, options.warnings()); // stream: may be endless
      }
    } catch (IOException e) {
      throw new InputException("stdin: cannot read (" + e.getMessage() + ")");
    }
    ArticleReader reader = new ArticleReader(limits, options.warnings());
    return ArticleIterator.of(reader.fromBytes(reader.readLimited(in, "stdin"), "stdin", "stdin"));
  }

  /** The bytes up to the first non-blank line's end (at most {@code max}). */
  private static byte[] readFirstLine(InputStream in, int max) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    boolean content = false;
    for (int c; out.size() < max && (c = in.read()) >= 0; ) {
      if (c == '\n' && content) {
        break;
      }
      content |= !Character.isWhitespace(c);
      out.write(c);
    }
    return out.toByteArray();
  }

  /** The next byte that is not white space, or -1. */
  private static int firstNonSpace(InputStream in, int max) throws IOException {
    for (int i = 0, c; i < max && (c = in.read()) >= 0; i++) {
      if (!Character.isWhitespace(c)) {
        return c;
      }
    }
    return -1;
  }

  private static boolean isJsonObject(String line) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).isObject();
    } catch (IOException e) {
      return false;
    }
  }

  // ---- files ---------------------------------------------------------------------------------

  /**
   * Article files under a directory, recursively, in name order, one directory listing in memory at
   * a time. Symbolic links to directories are not followed (no cycles).
   */
  static Iterator<Path> walk(Path root) {
    return new Iterator<>() {
      private final Deque<Iterator<Path>> stack = new ArrayDeque<>(List.of(list(root)));
      private Path next;

      @Override
      public boolean hasNext() {
        while (next == null && !stack.isEmpty()) {
          Iterator<Path> top = stack.peek();
          if (!top.hasNext()) {
            stack.pop();
            continue;
          }
          Path p = top.next();
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            stack.push(list(p));
          } else if (Files.isRegularFile(p) && isArticleFile(p)) {
            next = p;
          }
        }
        return next != null;
      }

      @Override
      public Path next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Path p = next;
        next = null;
        return p;
      }
    };
  }

  private static Iterator<Path> list(Path dir) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        entries.add(p);
      }
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
    }
    entries.sort(null);
    return entries.iterator();
  }

  /**
   * The text of one local file as every command reads it: gzip recognised by its content (a plain
   * page named {@code .gz} is read as it is), binary refused, the charset decoded as for articles
   * (UTF-8, UTF-16 with a byte order mark, else Windows-1252).
   *
   * @throws InputException with a one-line message naming the file
   */
  public static String readText(Path file, Limits limits) {
    if (Files.isDirectory(file)) {
      throw new InputException(file + ": is a directory, not a file");
    }
    byte[] bytes = isGzip(head(file)) ? gunzipLimited(file, limits) : readFile(file, limits);
    if (TextDecoder.looksBinary(bytes)) {
      throw new InputException(file + ": binary file, not text");
    }
    return TextDecoder.decode(bytes);
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(4096);
    } catch (IOException e) {
      return new byte[0]; // ArticleReader reports the problem with its usual message
    }
  }

  private static byte[] readFile(Path file, Limits limits) {
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw new InputException(
            file
                + ": file is "
                + size
                + " bytes, over the limit of "
                + limits.maxFileBytes()
                + " (raise it with --max-file-bytes)");
      }
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InputException(file + ": permission denied");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static byte[] gunzippedHead(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 4096)) {
      return in.readNBytes(16);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static byte[] gunzipLimited(Path file, Limits limits) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 65536)) {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
      if (b.length > limits.maxFileBytes()) {
        throw new InputException(
            file
                + ": decompressed file is over the limit of "
                + limits.maxFileBytes()
                + " bytes (raise it with --max-file-bytes)");
      }
      return b;
    } catch (IOException e) {
      throw new InputException(file + ": not a valid gzip file");
    }
  }

  private static boolean isGzip(byte[] head) {
    return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  private static boolean startsWith(byte[] head, String prefix) {
    if (head.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (head[i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeXmlFeed(byte[] head) {
    String h = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
    if (h.startsWith("\u00ef\u00bb\u00bf")) {
      h = h.substring(3);
    }
    return (h.startsWith("<?xml")
            || h.startsWith("<rss")
            || h.startsWith("<feed")
            || h.startsWith("<rdf:RDF"))
        && FeedArticles.looksLikeFeed(head);
  }
}
