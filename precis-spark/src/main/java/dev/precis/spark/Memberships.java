package dev.precis.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import dev.precis.spark.CopyFinder.Original;
import dev.precis.spark.EdgeMerge.EventKey;
import dev.precis.spark.EdgeMerge.Roots;
import dev.precis.spark.EdgeMerge.ThreadKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Which event and story every article ends up in: the windows' placements moved to their merged
 * event and story across window edges, copies moved to their original's event, and events and
 * stories numbered 1, 2, ... in order of their first article, as the clusterer numbers them. Only
 * numbers move, as Spark SQL rows (binary, no Java serialization).
 *
 * <p>Example: an article placed in window 3's event 2, which continues window 2's event 5 (the 4th
 * event of the stream by first article), in a story that is the stream's 2nd, gets the row {@code
 * (seq, story 2, event 4, duplicate_of -1, day, headline)} ({@link StoryAssembly#MEMBERSHIP}).
 */
final class Memberships {
  /** Where a window's event or story continues: its key, then its root's. */
  private static final StructType ROOTS =
      new StructType()
          .add("window", DataTypes.LongType, false)
          .add("key", DataTypes.LongType, false)
          .add("root_window", DataTypes.LongType, false)
          .add("root_key", DataTypes.LongType, false);

  private final Dataset<Row> places;
  private final Dataset<Row> rows;

  private Memberships(Dataset<Row> places, Dataset<Row> rows) {
    this.places = places;
    this.rows = rows;
  }

  /** One row an article: {@link StoryAssembly#MEMBERSHIP}, kept until {@link #unpersist}. */
  Dataset<Row> rows() {
    return rows;
  }

  void unpersist() {
    rows.unpersist();
    places.unpersist();
  }

  private static final StructType COPIES =
      new StructType()
          .add("seq", DataTypes.LongType, false)
          .add("original", DataTypes.LongType, false);

  /**
   * The membership rows of every article a window owns.
   *
   * @param windows every window's clusterer output
   * @param copies copy seq → its original, across all articles
   * @param roots where events and stories continue across window edges
   */
  static Memberships of(
      SparkSession spark,
      RunCache.Windows windows,
      JavaPairRDD<Long, Original> copies,
      Roots roots) {
    Dataset<Row> eventRoots = roots(spark, roots.events(), EventKey::window, EventKey::event);
    Dataset<Row> threadRoots = roots(spark, roots.threads(), ThreadKey::window, ThreadKey::thread);
    Dataset<Row> owned =
        merged(
                merged(windows.placements().filter(not(col("lead_in"))), eventRoots, "event", "e"),
                threadRoots,
                "thread",
                "t")
            .select(
                col("seq"),
                col("e_window").as("ew"),
                col("e_key").as("ev"),
                col("t_window").as("tw"),
                col("t_key").as("th"),
                col("duplicate_of"));
    Dataset<Row> copyOf =
        spark.createDataFrame(copies.map(t -> RowFactory.create(t._1(), t._2().seq())), COPIES);

    // copies go through the clusterer like every article (they keep events open and move their
    // times, as in the command line); a copy whose original was no longer open there (far apart
    // in time or in another window) still joins its original's event
    Dataset<Row> overrides =
        copyOf
            .join(owned.filter(col("duplicate_of").lt(0)).select("seq"), "seq")
            .withColumnRenamed("seq", "copy")
            .join(
                owned.select(
                    col("seq").as("original"),
                    col("ew").as("o_ew"),
                    col("ev").as("o_ev"),
                    col("tw").as("o_tw"),
                    col("th").as("o_th")),
                "original");
    Dataset<Row> places =
        owned
            .join(overrides, col("seq").equalTo(col("copy")), "left_outer")
            .select(
                col("seq"),
                coalesce(col("o_ew"), col("ew")).as("ew"),
                coalesce(col("o_ev"), col("ev")).as("ev"),
                coalesce(col("o_tw"), col("tw")).as("tw"),
                coalesce(col("o_th"), col("th")).as("th"),
                coalesce(col("original"), col("duplicate_of")).as("duplicate_of"))
            .persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> eventNumbers = number(places, "ew", "ev", "event");
    Dataset<Row> storyNumbers = number(places, "tw", "th", "story");
    return new Memberships(
        places,
        places
            .join(eventNumbers, new String[] {"ew", "ev"})
            .join(events(windows.events(), eventRoots), new String[] {"ew", "ev"})
            .join(storyNumbers, new String[] {"tw", "th"})
            .select("seq", "story", "event", "duplicate_of", "day", "headline")
            .persist(StorageLevel.MEMORY_AND_DISK()));
  }

  /**
   * Numbers groups 1, 2, ... in order of their first article, as the clusterer numbers them: a row
   * per group and one ordered pass over them (numbers only).
   */
  private static Dataset<Row> number(Dataset<Row> places, String window, String group, String as) {
    return places
        .groupBy(window, group)
        .agg(min("seq").as("first"))
        .select(
            col(window),
            col(group),
            row_number().over(Window.orderBy("first")).cast("long").as(as));
  }

  /**
   * The day and headline of merged events: those of the part that owns most articles (the earlier
   * window, then the smaller event number, on a tie).
   */
  private static Dataset<Row> events(Dataset<Row> parts, Dataset<Row> eventRoots) {
    return merged(parts, eventRoots, "event", "e")
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy("e_window", "e_key")
                        .orderBy(col("owned").desc(), col("window"), col("event"))))
        .filter(col("rank").equalTo(1))
        .select(col("e_window").as("ew"), col("e_key").as("ev"), col("day"), col("headline"));
  }

  /**
   * The rows with their merged key ({@code p_window}, {@code p_key} for prefix {@code p}): the root
   * of (window, {@code key}) where it continues across an edge, else itself.
   */
  private static Dataset<Row> merged(
      Dataset<Row> rows, Dataset<Row> roots, String key, String prefix) {
    Dataset<Row> r =
        roots.select(
            col("window").as(prefix + "_from_window"),
            col("key").as(prefix + "_from_key"),
            col("root_window"),
            col("root_key"));
    return rows.join(
            broadcast(r),
            col("window")
                .equalTo(col(prefix + "_from_window"))
                .and(col(key).equalTo(col(prefix + "_from_key"))),
            "left_outer")
        .withColumn(prefix + "_window", coalesce(col("root_window"), col("window")))
        .withColumn(prefix + "_key", coalesce(col("root_key"), col(key)))
        .drop(prefix + "_from_window", prefix + "_from_key", "root_window", "root_key");
  }

  /** The edge roots (a few thousand keys from the driver) as a table. */
  private static <K> Dataset<Row> roots(
      SparkSession spark,
      Map<K, K> roots,
      java.util.function.ToLongFunction<K> window,
      java.util.function.ToLongFunction<K> key) {
    List<Row> rows = new ArrayList<>();
    roots.forEach(
        (k, r) ->
            rows.add(
                RowFactory.create(
                    window.applyAsLong(k),
                    key.applyAsLong(k),
                    window.applyAsLong(r),
                    key.applyAsLong(r))));
    return spark.createDataFrame(rows, ROOTS);
  }
}
