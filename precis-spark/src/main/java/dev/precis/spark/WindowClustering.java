package dev.precis.spark;

import dev.precis.model.Article;
import dev.precis.story.Story;
import dev.precis.story.StoryArticle;
import dev.precis.story.StoryClusterer;
import dev.precis.story.StoryEvent;
import dev.precis.story.StoryOptions;
import dev.precis.story.TextFeatures;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.Tuple2;

/**
 * Groups articles into events and stories with {@link StoryClusterer}, the command line's
 * algorithm, one time window at a time. Windows are fixed spans of article time (not partitions),
 * so the result does not depend on how the data is partitioned. Each window is clustered in input
 * order after a lead-in: the articles of the previous {@code leadIn} (the clusterer's closing
 * horizon or more), which the previous window owns. Every event open at the window's start has a
 * member in the lead-in, so {@link EdgeMerge} can join a window's events to the previous window's
 * through those shared articles. Before the lead-in, the clusterer observes up to a given number of
 * earlier articles (document frequencies only), so that its term weights are close to those of a
 * clusterer that saw the whole stream: on a sparse stream, exactly those.
 */
final class WindowClustering {
  private WindowClustering() {}

  /** Sort key: window, then input order. */
  record WindowKey(long window, long seq) implements Serializable, Comparable<WindowKey> {
    @Override
    public int compareTo(WindowKey o) {
      return window != o.window ? Long.compare(window, o.window) : Long.compare(seq, o.seq);
    }
  }

  /**
   * Where the clusterer of one window put one article.
   *
   * @param leadIn whether the article belongs to the previous window (seen here as lead-in)
   * @param event the event's number in this window's clusterer
   * @param thread the story's (thread of events) number in this window's clusterer
   * @param duplicateOf input order of the article it copies, or -1
   */
  record Placement(long window, long seq, boolean leadIn, long event, long thread, long duplicateOf)
      implements Serializable {}

  /**
   * One event of one window.
   *
   * @param day epoch day it happened, or {@link Long#MIN_VALUE}
   * @param owned members the window owns (not lead-in)
   */
  record LocalEvent(long window, long event, long day, String headline, int owned)
      implements Serializable {}

  /** A window's placements and events: one of the two is set. */
  record Output(Placement placement, LocalEvent event) implements Serializable {}

  /** An article the window owns. */
  static final int OWNED = 0;

  /** An article of the window before, replayed first so that open events have their history. */
  static final int LEAD_IN = 1;

  /**
   * An earlier article only counted in the document frequencies ({@link StoryClusterer#observe}).
   */
  static final int WARM_UP = 2;

  /** Window of an article time (ms); with the lead-in also the next window when near its start. */
  static List<Tuple2<WindowKey, Integer>> windows(long seq, long time, long windowMs, long leadMs) {
    long w = Math.floorDiv(time, windowMs);
    List<Tuple2<WindowKey, Integer>> out = new ArrayList<>(2);
    out.add(new Tuple2<>(new WindowKey(w, seq), OWNED));
    if (time >= (w + 1) * windowMs - leadMs) {
      out.add(new Tuple2<>(new WindowKey(w + 1, seq), LEAD_IN));
    }
    return out;
  }

  /**
   * The columns {@link #cluster} reads: the window and role, then the article's fields the
   * clusterer keeps (no text: its features stand for it), then its features.
   */
  static final List<String> COLUMNS =
      java.util.stream.Stream.concat(
              Stream.of(
                  "window",
                  "role",
                  "seq",
                  "title",
                  "url",
                  "outlet",
                  "published",
                  "min_hash",
                  "shingles"),
              ClusterFeatures.COLUMNS.stream())
          .toList();

  /**
   * Clusters every window.
   *
   * @param keyed each article under its window(s) with its role there ({@link #OWNED}, {@link
   *     #LEAD_IN}, {@link #WARM_UP}) and the {@link #COLUMNS}
   * @param windows how many windows there are: one task each (a window is one clusterer's stream,
   *     the unit of parallelism)
   */
  static JavaRDD<Output> cluster(
      Dataset<Row> keyed, int windows, double threshold, long closeAfterHours) {
    // Spark SQL's shuffle (binary rows) moves the features; range partitioning on the window
    // keeps each window whole in one task. Its bounds come from a sample weighted by rows: with
    // one partition a window, a small window (the first, without lead-in) would share a task with
    // its neighbour; with four, every window gets its own (the spare partitions stay empty)
    return keyed
        .select(COLUMNS.stream().map(functions::col).toArray(Column[]::new))
        .repartitionByRange(Math.max(1, 4 * windows), functions.col("window"))
        .sortWithinPartitions("window", "seq")
        .javaRDD()
        .mapPartitions(
            it -> new WindowIterator(it, options(threshold, closeAfterHours)).all().iterator());
  }

  static StoryOptions options(double threshold, long closeAfterHours) {
    return StoryOptions.defaults()
        .withThreshold(threshold)
        .withCloseAfter(java.time.Duration.ofHours(closeAfterHours));
  }

  /** Runs one clusterer per window over a partition sorted by window and input order. */
  private static final class WindowIterator {
    private final Iterator<Row> in;
    private final StoryOptions options;

    WindowIterator(Iterator<Row> in, StoryOptions options) {
      this.in = in;
      this.options = options;
    }

    /**
     * Everything the windows of this partition produce. Held per partition only as numbers and
     * headlines, never texts: articles stream through the clusterer.
     */
    List<Output> all() {
      List<Output> out = new ArrayList<>();
      long window = Long.MIN_VALUE;
      List<Story> closed = new ArrayList<>();
      Set<Long> leadIns = new HashSet<>();
      StoryClusterer clusterer = null;
      while (in.hasNext()) {
        Row r = in.next();
        long w = r.getLong(0);
        if (clusterer == null || w != window) {
          if (clusterer != null) {
            clusterer.closeAll();
            emit(window, closed, leadIns, out);
          }
          window = w;
          closed.clear();
          leadIns.clear();
          clusterer = new StoryClusterer(options, closed::add);
        }
        int role = r.getInt(1);
        long seq = r.getLong(2);
        if (role == WARM_UP) {
          clusterer.observe(ClusterFeatures.termsOnly(ClusterFeatures.longs(r.getList(9))));
          continue;
        }
        if (role == LEAD_IN) {
          leadIns.add(seq);
        }
        // the clusterer keeps title, outlet, url and time; its features stand for the text
        Article article =
            new Article(
                Long.toString(seq),
                r.getString(3),
                "",
                r.getString(4),
                r.getString(5),
                r.isNullAt(6) ? null : r.getInstant(6),
                null,
                null,
                null);
        TextFeatures features =
            ClusterFeatures.fromRow(r, 9).with(ClusterFeatures.ints(r.getList(7)), r.getInt(8));
        clusterer.add(article, features);
      }
      if (clusterer != null) {
        clusterer.closeAll();
        emit(window, closed, leadIns, out);
      }
      return out;
    }

    private static void emit(long window, List<Story> closed, Set<Long> leadIns, List<Output> out) {
      for (Story s : closed) {
        java.util.Map<String, String> copyOf = new java.util.HashMap<>();
        for (StoryArticle a : s.articles()) {
          if (a.duplicateOf() != null) {
            copyOf.put(a.id(), a.duplicateOf());
          }
        }
        for (StoryEvent e : s.events()) {
          int owned = 0;
          for (String id : e.articleIds()) {
            long seq = Long.parseLong(id);
            boolean lead = leadIns.contains(seq);
            owned += lead ? 0 : 1;
            String dup = copyOf.get(id);
            out.add(
                new Output(
                    new Placement(
                        window, seq, lead, e.id(), s.id(), dup == null ? -1 : Long.parseLong(dup)),
                    null));
          }
          long day = e.day() == null ? Long.MIN_VALUE : e.day().toEpochDay();
          out.add(new Output(null, new LocalEvent(window, e.id(), day, e.headline(), owned)));
        }
      }
    }
  }
}
