package dev.precis.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Streams JSON Lines, one article object a line ({@code id}, {@code text} or {@code html}, optional
 * {@code title}, {@code url}, {@code published}, {@code source}; see {@link JsonArticles}), plain
 * or gzip-compressed, holding one line in memory at a time. A line longer than the file limit is an
 * error, so a broken file cannot exhaust memory.
 */
final class JsonLinesArticles extends ArticleIterator {
  private static final ObjectMapper JSON = InputJson.MAPPER;
  private final Reader reader;
  private final String id;
  private final String origin;
  private final long maxLineChars;
  private final Consumer<String> warnings;
  private final StringBuilder line = new StringBuilder();
  private final char[] buf = new char[65536];
  private int pos;
  private int end;
  private int lineNo;
  private boolean eof;

  JsonLinesArticles(
      InputStream in, String id, String origin, Limits limits, Consumer<String> warnings) {
    this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    this.id = id;
    this.origin = origin;
    this.maxLineChars = limits.maxFileBytes();
    this.warnings = warnings;
  }

  /** Opens a {@code .jsonl} or {@code .jsonl.gz} file. */
  static JsonLinesArticles open(Path file, Limits limits, Consumer<String> warnings) {
    String name = file.getFileName().toString();
    String id = name.replaceFirst("(?i)\\.(jsonl|ndjson)(\\.gz)?$", "");
    try {
      InputStream in = Files.newInputStream(file);
      if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
        try {
          in = new GZIPInputStream(in, 65536);
        } catch (IOException e) {
          in.close();
          throw new InputException(file + ": not a valid gzip file");
        }
      }
      return new JsonLinesArticles(in, id, file.toString(), limits, warnings);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (AccessDeniedException e) {
      throw new InputException(file + ": permission denied");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  @Override
  protected RawArticle computeNext() {
    while (readLine()) {
      String text = line.toString();
      if (lineNo == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(text);
      } catch (JsonProcessingException e) {
        throw new InputException(
            origin + ":" + lineNo + ": invalid JSON (" + JsonArticles.reason(e) + ")");
      }
      return JsonArticles.parse(node, id + ":" + lineNo, origin + ":" + lineNo, warnings);
    }
    return null;
  }

  /** Reads the next line into {@link #line}; false at the end of the input. */
  private boolean readLine() {
    line.setLength(0);
    if (eof) {
      return false;
    }
    lineNo++;
    try {
      while (true) {
        if (pos == end) {
          end = reader.read(buf, 0, buf.length);
          pos = 0;
          if (end <= 0) {
            end = 0;
            eof = true;
            return line.length() > 0;
          }
        }
        int start = pos;
        while (pos < end && buf[pos] != '\n') {
          pos++;
        }
        line.append(buf, start, pos - start);
        if (line.length() > maxLineChars) {
          throw new InputException(
              origin
                  + ": line "
                  + lineNo
                  + " is over the limit of "
                  + maxLineChars
                  + " bytes (raise it with --max-file-bytes)");
        }
        if (pos < end) {
          pos++; // the newline
          int n = line.length();
          if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
          }
          return true;
        }
      }
    } catch (ZipException e) {
      throw new InputException(origin + ": not a valid gzip file");
    } catch (IOException e) {
      throw new InputException(origin + ": cannot read (" + e.getMessage() + ")");
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // nothing left to do with a file we only read
    }
  }
}
