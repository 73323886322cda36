package dev.precis.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads articles from paths given on the command line: a file, a directory (every {@code .txt},
 * {@code .html}, {@code .htm}, {@code .json}, {@code .jsonl} inside, recursively, in name order) or
 * {@code -} for standard input. A file named explicitly that cannot be used is an error; a file
 * inside a directory that cannot be used is skipped with a warning.
 */
public final class ArticleReader {
  private static final ObjectMapper JSON = InputJson.MAPPER;
  private final Limits limits;
  private final Consumer<String> warnings;

  public ArticleReader(Limits limits, Consumer<String> warnings) {
    this.limits = limits;
    this.warnings = warnings;
  }

  /** Reads every article under the given paths; throws {@link InputException} when none. */
  public List<RawArticle> read(List<String> paths, InputStream stdin) {
    List<RawArticle> out = new ArrayList<>();
    for (String p : paths) {
      if (p.equals("-")) {
        out.addAll(fromBytes(readLimited(stdin, "stdin"), "stdin", "stdin"));
        continue;
      }
      Path path = Path.of(p);
      if (!Files.exists(path)) {
        throw new InputException(p + ": no such file or directory");
      }
      if (Files.isDirectory(path)) {
        List<Path> files = listArticles(path);
        if (files.isEmpty()) {
          throw new InputException(
              p + ": directory contains no .txt, .html, .json or .jsonl files");
        }
        for (Path f : files) {
          try {
            out.addAll(fromFile(f));
          } catch (InputException e) {
            warnings.accept("skipped " + e.getMessage());
          }
        }
      } else {
        out.addAll(fromFile(path));
      }
    }
    List<RawArticle> nonEmpty = new ArrayList<>();
    for (RawArticle a : out) {
      if (a.content().isBlank()) {
        warnings.accept("skipped " + a.origin() + ": empty article");
      } else {
        nonEmpty.add(a.withPlausibleDate(warnings));
      }
    }
    if (nonEmpty.isEmpty()) {
      throw new InputException("no articles to read in " + String.join(", ", paths));
    }
    return nonEmpty;
  }

  private static List<Path> listArticles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(ArticleReader::isArticleFile).sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list directory (" + e.getMessage() + ")");
    }
  }

  static boolean isArticleFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".txt")
        || n.endsWith(".html")
        || n.endsWith(".htm")
        || n.endsWith(".json")
        || n.endsWith(".jsonl");
  }

  /** Reads one file (any extension: the content decides how it is parsed). */
  public List<RawArticle> fromFile(Path f) {
    byte[] bytes;
    try {
      long size = Files.size(f);
      if (size > limits.maxFileBytes()) {
        throw new InputException(
            f
                + ": file is "
                + size
                + " bytes, over the limit of "
                + limits.maxFileBytes()
                + " (raise it with --max-file-bytes)");
      }
      bytes = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      throw new InputException(f + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(f + ": permission denied");
    } catch (IOException e) {
      throw new InputException(f + ": cannot read (" + e.getMessage() + ")");
    }
    String name = f.getFileName().toString();
    String id = name.replaceFirst("\\.[A-Za-z0-9]+$", "");
    return fromBytes(bytes, id, f.toString());
  }

  byte[] readLimited(InputStream in, String origin) {
    try {
      byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
      if (b.length > limits.maxFileBytes()) {
        throw new InputException(
            origin + ": input is over the limit of " + limits.maxFileBytes() + " bytes");
      }
      return b;
    } catch (IOException e) {
      throw new InputException(origin + ": cannot read (" + e.getMessage() + ")");
    }
  }

  /** Parses bytes by the origin's extension and content (plain text, HTML, JSON, JSON Lines). */
  List<RawArticle> fromBytes(byte[] bytes, String id, String origin) {
    if (TextDecoder.looksBinary(bytes)) {
      throw new InputException(origin + ": binary file, not an article");
    }
    String text = TextDecoder.decode(bytes);
    String lower = origin.toLowerCase(Locale.ROOT);
    String trimmed = text.stripLeading();
    if (lower.endsWith(".jsonl")) {
      return fromJsonLines(text, id, origin);
    }
    if (lower.endsWith(".json")
        || (origin.equals("stdin") && (trimmed.startsWith("{") || trimmed.startsWith("[")))) {
      if (origin.equals("stdin") && trimmed.startsWith("{") && trimmed.contains("\n{")) {
        return fromJsonLines(text, id, origin);
      }
      return fromJson(text, id, origin);
    }
    RawArticle.Format format =
        lower.endsWith(".html") || lower.endsWith(".htm")
            ? RawArticle.Format.HTML
            : RawArticle.Format.sniff(text);
    return List.of(new RawArticle(id, text, format, null, null, null, origin));
  }

  private List<RawArticle> fromJson(String text, String id, String origin) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InputException(origin + ": invalid JSON " + InputJson.problem(e));
    }
    if (root == null) {
      throw new InputException(origin + ": empty JSON file");
    }
    if (root.isObject() && root.has("summary") && root.has("sentences")) {
      // `summarize DIR --format json --output DIR/summary.json` then `summarize DIR` read every
      // article a second time from the summary's "documents"
      throw new InputException(
          origin + ": a Precis summary (summarize --format json output), not articles");
    }
    JsonNode list = root.isArray() ? root : root.get("documents");
    List<RawArticle> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        out.add(JsonArticles.parse(list.get(i), id + "#" + i, origin + "#" + i, warnings));
      }
    } else {
      out.add(JsonArticles.parse(root, id, origin, warnings));
    }
    return out;
  }

  private List<RawArticle> fromJsonLines(String text, String id, String origin) {
    List<RawArticle> out = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(lines[i]);
      } catch (JsonProcessingException e) {
        throw new InputException(
            origin + ":" + (i + 1) + ": invalid JSON (" + JsonArticles.reason(e) + ")");
      }
      out.add(JsonArticles.parse(node, id + ":" + (i + 1), origin + ":" + (i + 1), warnings));
    }
    return out;
  }
}
