package dev.precis.spark;

import static org.apache.spark.sql.functions.bit_xor;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.xxhash64;

import dev.precis.spark.StoryAssembly.Part;
import dev.precis.spark.WindowClustering.LocalEvent;
import dev.precis.spark.WindowClustering.Output;
import dev.precis.spark.WindowClustering.Placement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The state an incremental run reuses from the last committed run: what each time window's
 * clusterer produced and what each story's assembly produced, each under a fingerprint of exactly
 * the inputs it was computed from. A window is clustered again only when the articles it sees
 * (owned, lead-in and warm-up, with their roles) changed; a story is summarized again only when its
 * members, their events or their numbers changed. Both computations are deterministic functions of
 * those inputs and of the options, so reusing them gives the same output as computing everything.
 * New articles come after all earlier ones in input order: on a feed that moves forward in time
 * they touch the last window (the one holding the open events) and new windows only.
 */
final class RunCache {
  static final StructType WINDOW_INPUTS =
      new StructType()
          .add("window", DataTypes.LongType, false)
          .add("n", DataTypes.LongType, false)
          .add("hash", DataTypes.LongType);
  static final StructType PLACEMENTS =
      new StructType()
          .add("window", DataTypes.LongType, false)
          .add("seq", DataTypes.LongType, false)
          .add("lead_in", DataTypes.BooleanType, false)
          .add("event", DataTypes.LongType, false)
          .add("thread", DataTypes.LongType, false)
          .add("duplicate_of", DataTypes.LongType, false);
  static final StructType LOCAL_EVENTS =
      new StructType()
          .add("window", DataTypes.LongType, false)
          .add("event", DataTypes.LongType, false)
          .add("day", DataTypes.LongType, false)
          .add("headline", DataTypes.StringType)
          .add("owned", DataTypes.IntegerType, false);
  private static final StructType BLOBS =
      new StructType()
          .add("story", DataTypes.LongType, false)
          .add("parts", DataTypes.BinaryType, false);

  private final SparkSession spark;

  /** The committed run's directory whose state can be reused, or null. */
  private final String previous;

  private RunCache(SparkSession spark, String previous) {
    this.spark = spark;
    this.previous = previous;
  }

  /**
   * The last committed run's state when it was computed with the same options and holds the tables
   * (an output directory written before these tables existed is recomputed in full).
   */
  static RunCache of(SparkSession spark, RunManifest before, String options, String output) {
    if (before.run() == 0 || !options.equals(before.options())) {
      return new RunCache(spark, null);
    }
    String dir = RunManifest.runDir(output, before.run());
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    try {
      FileSystem fs = new Path(dir).getFileSystem(conf);
      for (String t :
          List.of("window_inputs", "window_placements", "window_events", "story_parts")) {
        if (!fs.exists(new Path(dir, t + "/_SUCCESS"))) {
          return new RunCache(spark, null);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RunCache(spark, dir);
  }

  /**
   * Each window's fingerprint: how many (article, role) pairs it sees and a hash of them.
   *
   * @param roles {@code seq}, {@code window}, {@code role}
   */
  static Dataset<Row> windowPrints(Dataset<Row> roles) {
    return roles
        .groupBy("window")
        .agg(count("*").as("n"), bit_xor(xxhash64(col("seq"), col("role"))).as("hash"));
  }

  /** Windows whose inputs differ from the previous run's (all of them without one). */
  long[] windowsToCluster(Dataset<Row> prints) {
    Map<Long, Row> before = new HashMap<>();
    if (previous != null) {
      for (Row r : spark.read().parquet(previous + "/window_inputs").collectAsList()) {
        before.put(r.getLong(0), r);
      }
    }
    List<Long> out = new ArrayList<>();
    for (Row r : prints.select("window", "n", "hash").collectAsList()) {
      Row b = before.get(r.getLong(0));
      if (b == null
          || b.getLong(1) != r.getLong(1)
          || !java.util.Objects.equals(b.get(2), r.get(2))) {
        out.add(r.getLong(0));
      }
    }
    Collections.sort(out);
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Writes the windows' state of this run (the freshly clustered windows and the previous run's
   * output of all others) and returns it read back: every window's clusterer output.
   */
  JavaRDD<Output> writeWindows(
      JavaRDD<Output> computed, long[] fresh, Dataset<Row> prints, String runDir) {
    // two tables come from one clustering: cluster once
    JavaRDD<Output> clustered = computed.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> placements =
        spark.createDataFrame(
            clustered
                .filter(x -> x.placement() != null)
                .map(
                    x -> {
                      Placement p = x.placement();
                      return RowFactory.create(
                          p.window(), p.seq(), p.leadIn(), p.event(), p.thread(), p.duplicateOf());
                    }),
            PLACEMENTS);
    Dataset<Row> events =
        spark.createDataFrame(
            clustered
                .filter(x -> x.event() != null)
                .map(
                    x -> {
                      LocalEvent e = x.event();
                      return RowFactory.create(
                          e.window(), e.event(), e.day(), e.headline(), e.owned());
                    }),
            LOCAL_EVENTS);
    if (previous != null) {
      Object[] keep = java.util.Arrays.stream(fresh).boxed().toArray();
      placements =
          placements.unionByName(
              spark
                  .read()
                  .parquet(previous + "/window_placements")
                  .filter(not(col("window").isin(keep))));
      events =
          events.unionByName(
              spark
                  .read()
                  .parquet(previous + "/window_events")
                  .filter(not(col("window").isin(keep))));
    }
    save(placements, runDir + "/window_placements");
    save(events, runDir + "/window_events");
    save(prints, runDir + "/window_inputs");
    clustered.unpersist();
    JavaRDD<Output> p =
        spark
            .read()
            .schema(PLACEMENTS)
            .parquet(runDir + "/window_placements")
            .javaRDD()
            .map(
                r ->
                    new Output(
                        new Placement(
                            r.getLong(0),
                            r.getLong(1),
                            r.getBoolean(2),
                            r.getLong(3),
                            r.getLong(4),
                            r.getLong(5)),
                        null));
    JavaRDD<Output> e =
        spark
            .read()
            .schema(LOCAL_EVENTS)
            .parquet(runDir + "/window_events")
            .javaRDD()
            .map(
                r ->
                    new Output(
                        null,
                        new LocalEvent(
                            r.getLong(0),
                            r.getLong(1),
                            r.getLong(2),
                            r.getString(3),
                            r.getInt(4))));
    return p.union(e);
  }

  /**
   * Each story's fingerprint: how many members it has and a hash of their places.
   *
   * @param memberships rows of {@link StoryAssembly#MEMBERSHIP}
   */
  static Dataset<Row> storyPrints(Dataset<Row> memberships) {
    return memberships
        .groupBy("story")
        .agg(
            count("*").as("n"),
            bit_xor(
                    xxhash64(
                        col("seq"), col("event"), col("duplicate_of"), col("day"), col("headline")))
                .as("hash"));
  }

  /** Stories whose fingerprint the previous run did not have: those to assemble again. */
  Dataset<Row> storiesToAssemble(Dataset<Row> prints) {
    if (previous == null) {
      return prints.select("story");
    }
    return prints
        .join(storedParts().select("story", "n", "hash"), seqOf("story", "n", "hash"), "left_anti")
        .select("story");
  }

  /**
   * Writes every story's parts (the freshly assembled stories and the previous run's unchanged
   * ones) as this run's state, and returns them read back.
   *
   * @param assembled parts of the assembled stories, each story's parts together
   */
  JavaRDD<Part> writeParts(JavaRDD<Part> assembled, Dataset<Row> prints, String runDir) {
    Dataset<Row> fresh =
        spark
            .createDataFrame(assembled.mapPartitions(RunCache::blobs), BLOBS)
            .join(prints, "story")
            .select("story", "n", "hash", "parts");
    if (previous != null) {
      fresh =
          fresh.unionByName(storedParts().join(prints, seqOf("story", "n", "hash"), "left_semi"));
    }
    saveUnique(fresh, runDir + "/story_parts"); // one blob a story
    return spark
        .read()
        .parquet(runDir + "/story_parts")
        .select("parts")
        .javaRDD()
        .flatMap(r -> PartCodec.decode(r.getAs(0)).iterator());
  }

  private Dataset<Row> storedParts() {
    return spark.read().parquet(previous + "/story_parts");
  }

  private static scala.collection.immutable.Seq<String> seqOf(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }

  private static void save(Dataset<Row> rows, String path) {
    rows.write().mode(SaveMode.Overwrite).parquet(path);
  }

  /**
   * Writes a table whose values are nearly all unique (texts, hashes, term lists, one blob a story)
   * without Parquet dictionaries: one would be built for each column, then dropped, at about a
   * tenth of the cleaning's cost on the articles table.
   */
  static void saveUnique(Dataset<Row> rows, String path) {
    rows.write()
        .option("parquet.enable.dictionary", "false")
        .mode(SaveMode.Overwrite)
        .parquet(path);
  }

  /** One row a story: its number and its parts, serialized (they arrive story by story). */
  private static Iterator<Row> blobs(Iterator<Part> parts) {
    return new Iterator<>() {
      private Part pending;

      @Override
      public boolean hasNext() {
        return pending != null || parts.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        ArrayList<Part> current = new ArrayList<>();
        current.add(pending != null ? pending : parts.next());
        pending = null;
        long story = storyOf(current.get(0));
        while (parts.hasNext()) {
          Part p = parts.next();
          if (storyOf(p) != story) {
            pending = p;
            break;
          }
          current.add(p);
        }
        return RowFactory.create(story, PartCodec.encode(current));
      }
    };
  }

  static long storyOf(Part p) {
    if (p.group() != null) {
      return p.group().story();
    }
    if (p.event() != null) {
      return p.event().story();
    }
    return p.story() != null ? p.story().story() : p.entry().story();
  }
}
