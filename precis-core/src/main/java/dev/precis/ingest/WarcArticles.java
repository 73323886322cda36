package dev.precis.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Streams the web pages of a WARC archive ({@code .warc} or {@code .warc.gz}, read with jwarc):
 * every {@code response} record with a 2xx HTML, XHTML or plain-text answer, and every {@code
 * resource} record of those types, becomes one article whose id and URL are the record's target URI
 * and whose retrieval time is its {@code WARC-Date}. Requests, metadata, revisits, redirects,
 * errors, images and scripts are passed over. A record body larger than the file limit is skipped
 * with a warning.
 */
final class WarcArticles extends ArticleIterator {
  private final WarcReader reader;
  private final Path file;
  private final String origin;
  private final Limits limits;
  private final Consumer<String> warnings;
  private long passedOver;

  /** Where the last record read whole began, or -1 before the first. */
  private long lastRecordStart = -1;

  /**
   * Where reading resumed after a failure, until a record is read from there; -1 otherwise. A
   * failure right after resuming means the record there is the broken one.
   */
  private long resumedAt = -1;

  /** The failure that made reading resume, reported once a record after it reads (or the end). */
  private String pendingWarning;

  /** The record already warned about while its body was read, so it is not reported twice. */
  private long warnedRecord = -1;

  WarcArticles(
      WarcReader reader, Path file, String origin, Limits limits, Consumer<String> warnings) {
    this.reader = reader;
    this.file = file;
    this.origin = origin;
    this.limits = limits;
    this.warnings = warnings;
    reader.onWarning(
        w -> {
          /* jwarc's parse warnings on lenient records are not the user's concern */
        });
  }

  static WarcArticles open(Path file, Limits limits, Consumer<String> warnings) {
    try {
      return new WarcArticles(new WarcReader(file), file, file.toString(), limits, warnings);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new InputException(file + ": permission denied");
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(file + ": not a WARC file (" + e.getMessage() + ")");
    }
  }

  static WarcArticles open(
      InputStream in, String origin, Limits limits, Consumer<String> warnings) {
    try {
      return new WarcArticles(new WarcReader(in), null, origin, limits, warnings);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(origin + ": not a WARC file (" + e.getMessage() + ")");
    }
  }

  /** Records passed over so far (not pages, not 2xx, not HTML or text). */
  long passedOver() {
    return passedOver;
  }

  @Override
  protected RawArticle computeNext() {
    while (true) {
      Optional<WarcRecord> next;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException e) {
        if (!skipBrokenRecord(e)) {
          return null;
        }
        continue;
      }
      reportPendingWarning();
      if (next.isEmpty()) {
        return null;
      }
      long position = reader.position();
      lastRecordStart = position;
      resumedAt = -1;
      try {
        RawArticle article = toArticle(next.get());
        if (article != null) {
          return article;
        }
        passedOver++;
      } catch (IOException | RuntimeException e) {
        warnedRecord = position;
        if (e instanceof InputException ie) {
          warnings.accept("skipped " + ie.getMessage());
        } else {
          warnings.accept(
              "skipped "
                  + origin
                  + ": unreadable record at byte "
                  + position
                  + " ("
                  + e.getMessage()
                  + ")");
        }
      }
    }
  }

  /**
   * After a failure: moves to the next record start (a gzip member or a {@code WARC/1.} line) and
   * warns with the broken record's real byte offset, so the records after it are read too. The
   * failure may lie in the record read last (its body runs past its gzip member or into the next
   * record) or in the one after it: reading first resumes right after the record read last, and
   * only when it fails again at once is the record there skipped. Only a file can be searched; from
   * a stream, the rest is given up (the records before it were handed out already). Returns false
   * when nothing follows.
   */
  private boolean skipBrokenRecord(Exception e) {
    String why = oneLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (file == null) {
      warnings.accept(
          "skipped the rest of "
              + origin
              + ": invalid WARC record after byte "
              + Math.max(0, lastRecordStart)
              + " ("
              + why
              + ")");
      return false;
    }
    boolean gzip = reader.compression() == org.netpreserve.jwarc.WarcCompression.GZIP;
    boolean suspectLastRecord = resumedAt < 0 && lastRecordStart >= 0;
    long broken = resumedAt >= 0 ? resumedAt : Math.max(0, lastRecordStart);
    long resume = WarcResync.nextStart(file, broken + 1, gzip);
    pendingWarning = null;
    String warning =
        "skipped "
            + origin
            + ": invalid WARC record at byte "
            + broken
            + " ("
            + why
            + ")"
            + (resume < 0 ? "" : "; reading on from byte " + resume);
    if (suspectLastRecord) {
      // reported once the next record reads, unless the record read last was reported already
      pendingWarning = broken == warnedRecord ? null : warning;
    } else {
      warnings.accept(warning);
    }
    if (resume < 0) {
      reportPendingWarning();
      return false;
    }
    try {
      reader.position(resume);
      resumedAt = resume;
      return true;
    } catch (IOException | RuntimeException again) {
      reportPendingWarning();
      return false;
    }
  }

  private void reportPendingWarning() {
    if (pendingWarning != null) {
      warnings.accept(pendingWarning);
      pendingWarning = null;
    }
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= 200 ? t : t.substring(0, 200) + "...";
  }

  private RawArticle toArticle(WarcRecord record) throws IOException {
    String target;
    MediaType type;
    InputStream body;
    if (record instanceof WarcResponse response) {
      target = response.target();
      if (!isWebTarget(target)) {
        return null;
      }
      HttpResponse http = response.http();
      if (http.status() < 200 || http.status() > 299) {
        return null;
      }
      type = http.contentType();
      if (!isPage(type)) {
        return null;
      }
      body = http.bodyDecoded().stream();
    } else if (record instanceof WarcResource resource) {
      target = resource.target();
      type = resource.contentType();
      if (!isWebTarget(target) || !isPage(type)) {
        return null;
      }
      body = resource.body().stream();
    } else {
      return null;
    }
    byte[] bytes =
        body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
    if (bytes.length > limits.maxFileBytes()) {
      throw new InputException(
          origin
              + ": "
              + target
              + ": page is over the limit of "
              + limits.maxFileBytes()
              + " bytes (raise it with --max-file-bytes)");
    }
    if (WarcResync.looksBinary(bytes)) {
      throw new InputException(
          origin + ": " + target + ": declared " + type.base() + " but the content is binary");
    }
    String text = decode(bytes, type);
    boolean plain = type.base().toString().equalsIgnoreCase("text/plain");
    return new RawArticle(
        target,
        text,
        plain ? RawArticle.Format.TEXT : RawArticle.Format.HTML,
        null,
        target,
        null,
        target,
        null,
        record.date());
  }

  private static boolean isWebTarget(String target) {
    if (target == null) {
      return false;
    }
    String t = target.toLowerCase(Locale.ROOT);
    return t.startsWith("http://") || t.startsWith("https://");
  }

  private static boolean isPage(MediaType type) {
    if (type == null) {
      return false;
    }
    String base = type.base().toString().toLowerCase(Locale.ROOT);
    return base.equals("text/html")
        || base.equals("application/xhtml+xml")
        || base.equals("text/plain");
  }

  private static String decode(byte[] bytes, MediaType type) {
    String charset = type.parameters().get("charset");
    if (charset != null) {
      try {
        return new String(bytes, Charset.forName(charset.strip()));
      } catch (RuntimeException unknown) {
        // fall back to detection
      }
    }
    return TextDecoder.decode(bytes);
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // read-only
    }
  }
}
