package dev.precis.spark;

import dev.precis.Precis;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.EmptyArticles;
import dev.precis.ingest.InputException;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.ingest.SourceOptions;
import dev.precis.model.Article;
import dev.precis.story.FeatureExtractor;
import dev.precis.story.StoryClusterer;
import dev.precis.story.TextFeatures;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * Reads input files and cleans their articles with the command line's own code: the readers of
 * {@link ArticleSources} (WARC, JSON Lines, text and HTML, feeds) and {@link Precis#prepare}. A
 * record that cannot be read, an empty article and one with no text left after cleaning are counted
 * in the file's {@link FileReport}; an unreadable file ends that file, never the job.
 */
final class ArticleReading {
  private static final Precis PRECIS = Precis.defaults();
  private static final ThreadLocal<FeatureExtractor> EXTRACTOR =
      ThreadLocal.withInitial(FeatureExtractor::new);

  /** Failures on consecutive reads after which a file counts as broken from there on. */
  static final int MAX_FAILURES_IN_A_ROW = 5;

  private ArticleReading() {}

  /**
   * A raw record (not yet cleaned), a cleaned article with its clustering features, or a file's
   * report: one of the three is set.
   */
  record Item(RawRecord raw, ArticleRecord article, ClusterFeatures features, FileReport report)
      implements Serializable {
    Item(RawRecord raw, FileReport report) {
      this(raw, null, null, report);
    }
  }

  /** A {@link RawArticle} that can travel between tasks, with its place in input order. */
  record RawRecord(
      long seq,
      String file,
      String id,
      String content,
      String format,
      String title,
      String url,
      Instant published,
      String origin,
      String source,
      Instant retrieved)
      implements Serializable {
    RawArticle raw() {
      return new RawArticle(
          id,
          content,
          RawArticle.Format.valueOf(format),
          title,
          url,
          published,
          origin,
          source,
          retrieved);
    }
  }

  /** The raw records of one file, then its report. */
  static List<Item> read(
      int run, int fileIndex, String path, long maxFileBytes, Configuration conf) {
    List<Item> out = new ArrayList<>();
    Map<String, Long> skipped = new TreeMap<>();
    long read = 0;
    SourceOptions options =
        SourceOptions.defaults()
            .withLimits(new Limits(maxFileBytes))
            .withWarnings(w -> skipped.merge(FileReport.reason(w), 1L, Long::sum));
    try (InputFiles.LocalCopy local = InputFiles.local(path, conf);
        ArticleStream stream = ArticleSources.openFile(local.file(), options)) {
      long record = 0;
      int failuresInARow = 0;
      while (true) {
        boolean more;
        try {
          more = stream.hasNext();
          failuresInARow = 0;
        } catch (InputException | UncheckedIOException | IllegalArgumentException e) {
          String message = String.valueOf(e.getMessage());
          if (message.startsWith("no articles to read")) {
            skipped.merge("no articles in the file", 1L, Long::sum);
            break;
          }
          // the readers move past the record they failed on: skip it and go on, unless the file
          // itself is broken (the same failure again and again)
          if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
            skipped.merge("unreadable file: " + FileReport.reason(message), 1L, Long::sum);
            break;
          }
          skipped.merge("unreadable record: " + FileReport.reason(message), 1L, Long::sum);
          continue;
        }
        if (!more) {
          break;
        }
        RawArticle r = stream.next();
        read++;
        out.add(
            new Item(
                new RawRecord(
                    ArticleRecord.seq(run, fileIndex, record++),
                    path,
                    r.id(),
                    r.content(),
                    r.format().name(),
                    r.title(),
                    r.url(),
                    r.published(),
                    r.origin(),
                    r.source(),
                    r.retrieved()),
                null));
      }
    } catch (InputException | UncheckedIOException | IllegalArgumentException e) {
      // the file cannot be opened at all
      skipped.merge(
          "unreadable file: " + FileReport.reason(String.valueOf(e.getMessage())), 1L, Long::sum);
    }
    out.add(new Item(null, new FileReport(path, read, skipped)));
    return out;
  }

  /** Cleans a raw record (reports pass through); an article left without text becomes a skip. */
  static Item prepare(Item item) {
    if (item.raw() == null) {
      return item;
    }
    RawRecord r = item.raw();
    Article a;
    try {
      a = PRECIS.prepare(r.raw());
    } catch (RuntimeException e) {
      // one page that breaks the extractor must not stop a month of crawl
      return new Item(null, FileReport.skip(r.file(), "cleaning failed"));
    }
    if (EmptyArticles.isEmpty(a)) {
      return new Item(null, FileReport.skip(r.file(), EmptyArticles.REASON));
    }
    // all the clusterer's features, once: the windows and copy finding read them from the table
    TextFeatures f = StoryClusterer.features(a, EXTRACTOR.get());
    return new Item(
        null,
        ArticleRecord.of(r.seq(), a, r.file(), f.minHash(), f.shingles()),
        ClusterFeatures.of(f),
        null);
  }
}
