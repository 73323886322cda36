package dev.precis.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.unix_millis;

import dev.precis.ingest.InputException;
import dev.precis.spark.CopyFinder.Original;
import dev.precis.spark.EdgeMerge.EventKey;
import dev.precis.spark.EdgeMerge.ThreadKey;
import dev.precis.spark.WindowClustering.LocalEvent;
import dev.precis.spark.WindowClustering.Output;
import dev.precis.spark.WindowClustering.Placement;
import dev.precis.summarize.SummaryOptions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * The whole pipeline as one Spark job: read and clean the new input files, find copies across all
 * articles, group into events and stories window by window, join across window edges, then
 * summarize and write. The driver handles file names, counts and the events that span window edges;
 * every article text stays on the executors.
 */
final class StoryJob {
  /**
   * Test hook: the stage after which the run stops as a killed one would ({@code articles}, {@code
   * windows}, {@code stories}, {@code tables}, {@code commit}), or null.
   */
  static volatile String crashAfter;

  private StoryJob() {}

  /** Which window an article goes to and in what role ({@link WindowClustering#OWNED}...). */
  private static final StructType ROLES =
      new StructType()
          .add("seq", DataTypes.LongType, false)
          .add("window", DataTypes.LongType, false)
          .add("role", DataTypes.IntegerType, false);

  /** The article's own columns of the {@code articles} table (not its clustering features). */
  private static final Column[] ARTICLE_COLUMNS =
      java.util.Arrays.stream(ArticleRecord.SCHEMA.fieldNames())
          .limit(ArticleRecord.FEATURES_AT)
          .map(org.apache.spark.sql.functions::col)
          .toArray(Column[]::new);

  /** Where an article ends up: its merged event and story, and the article it copies (or -1). */
  record Place(EventKey event, ThreadKey thread, long duplicateOf) implements Serializable {}

  static RunReport run(SparkSession spark, JobOptions o) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Configuration conf = jsc.hadoopConfiguration();
    RunManifest before = RunManifest.load(o.output(), conf);
    List<InputFiles.InputFile> listed = InputFiles.list(o.inputs(), conf);
    List<InputFiles.InputFile> fresh =
        listed.stream().filter(f -> !before.files().contains(f.key())).toList();
    int run = before.run() + 1;
    if (fresh.isEmpty()) {
      if (before.run() > 0) {
        // a run killed after its commit has not published or cleaned up yet
        String runDir = RunManifest.runDir(o.output(), before.run());
        if (o.jsonl() && exists(conf, runDir + "/stories.jsonl")) {
          publishJsonl(runDir, o.output(), conf);
        }
        cleanUp(o.output(), before.run(), conf);
      }
      return RunReport.nothingNew(before.run());
    }
    if (run > 255) {
      throw new InputException(o.output() + ": more than 255 runs; start a new output directory");
    }
    for (int r : before.articleRuns()) {
      // the stored articles are the state: they must carry the clustering features
      String dir = RunManifest.articlesDir(o.output(), r);
      if (!List.of(spark.read().parquet(dir).schema().fieldNames()).contains("terms")) {
        throw new InputException(
            o.output()
                + ": written by an earlier precis spark (articles without clustering features);"
                + " start a new output directory");
      }
    }
    int partitions = o.partitions();
    String runDir = RunManifest.runDir(o.output(), run);
    // leftovers of a run killed before its commit (same number) are never read: start clean
    deleteDirs(conf, runDir, RunManifest.articlesDir(o.output(), run));
    RunCache cache = RunCache.of(spark, before, o.stateKey(), o.output());
    // the joins of Spark SQL shuffle into as many partitions as the rest of the job (not 200)
    spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(partitions));
    List<FileReport> files = readAndClean(spark, jsc, o, fresh, run);
    stage("articles");
    List<Integer> runs = new ArrayList<>(before.articleRuns());
    runs.add(run);
    List<String> articleDirs = new ArrayList<>();
    for (int r : runs) {
      articleDirs.add(RunManifest.articlesDir(o.output(), r));
    }
    Dataset<Row> articlesDf =
        spark.read().schema(ArticleRecord.SCHEMA).parquet(articleDirs.toArray(String[]::new));

    JavaRDD<CopyFinder.Fingerprint> prints =
        articlesDf
            .select("seq", "id", "min_hash", "shingles")
            .javaRDD()
            .map(
                r -> {
                  List<Integer> h = r.getList(2);
                  return new CopyFinder.Fingerprint(
                      r.getLong(0),
                      r.getString(1),
                      h.stream().mapToInt(Integer::intValue).toArray(),
                      r.getInt(3));
                });
    JavaPairRDD<Long, Original> copies =
        CopyFinder.find(prints, o.threshold(), o.closeAfterHours(), partitions)
            .persist(StorageLevel.MEMORY_AND_DISK());

    JavaPairRDD<Long, long[]> times =
        times(articlesDf).persist(StorageLevel.MEMORY_AND_DISK()); // seq → {time, rank}
    long windowMs = o.windowDays() * 86_400_000L;
    long leadMs = o.leadInHours() * 3_600_000L;
    WarmUp warmUpPlan = WarmUp.of(times, windowMs, leadMs, o.warmUpArticles(), partitions);
    Broadcast<WarmUp> warmUp = jsc.broadcast(warmUpPlan);
    JavaRDD<Row> roles =
        times.flatMap(
            t -> {
              List<Row> out = new ArrayList<>();
              for (var w : WindowClustering.windows(t._1(), t._2()[0], windowMs, leadMs)) {
                out.add(RowFactory.create(t._1(), w._1().window(), w._2()));
              }
              for (long w : warmUp.value().windowsObserving(t._2()[1])) {
                out.add(RowFactory.create(t._1(), w, WindowClustering.WARM_UP));
              }
              return out.iterator();
            });
    // the articles go to their windows as Spark SQL rows of their stored features (no text, no
    // Java serialization, no recomputing)
    Dataset<Row> roleRows =
        spark.createDataFrame(roles, ROLES).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> windowPrints = RunCache.windowPrints(roleRows);
    // only windows whose articles changed are clustered again; the others keep their output
    long[] toCluster = cache.windowsToCluster(windowPrints);
    Dataset<Row> keyed =
        roleRows
            .filter(col("window").isin(java.util.Arrays.stream(toCluster).boxed().toArray()))
            .join(articlesDf, "seq");
    JavaRDD<Output> clustered =
        cache
            .writeWindows(
                WindowClustering.cluster(
                    keyed, toCluster.length, o.threshold(), o.closeAfterHours()),
                toCluster,
                windowPrints,
                runDir)
            .persist(StorageLevel.MEMORY_AND_DISK());
    roleRows.unpersist();
    stage("windows");
    JavaRDD<Placement> placements =
        clustered.filter(x -> x.placement() != null).map(Output::placement);
    Broadcast<EdgeMerge.Roots> roots = jsc.broadcast(EdgeMerge.roots(placements, partitions));

    JavaPairRDD<Long, Place> owned =
        placements
            .filter(p -> !p.leadIn())
            .mapToPair(
                p ->
                    new Tuple2<>(
                        p.seq(),
                        new Place(
                            roots.value().event(new EventKey(p.window(), p.event())),
                            roots.value().thread(new ThreadKey(p.window(), p.thread())),
                            p.duplicateOf())));
    // copies go through the clusterer like every article (they keep events open and move their
    // times, as in the command line); a copy whose original was no longer open there (far apart
    // in time or in another window) still joins its original's event
    JavaPairRDD<Long, Place> overrides =
        copies
            .join(owned, partitions)
            .filter(t -> t._2()._2().duplicateOf() < 0)
            .mapToPair(t -> new Tuple2<>(t._2()._1().seq(), t._1()))
            .join(owned, partitions)
            .mapToPair(
                t ->
                    new Tuple2<>(
                        t._2()._1(), new Place(t._2()._2().event(), t._2()._2().thread(), t._1())));
    JavaPairRDD<Long, Place> places =
        owned
            .subtractByKey(overrides, partitions)
            .union(overrides)
            .persist(StorageLevel.MEMORY_AND_DISK());

    JavaPairRDD<EventKey, Long> eventNumbers =
        number(places.mapToPair(t -> new Tuple2<>(t._2().event(), t._1())), partitions);
    JavaPairRDD<ThreadKey, Long> storyNumbers =
        number(places.mapToPair(t -> new Tuple2<>(t._2().thread(), t._1())), partitions);
    JavaPairRDD<EventKey, Tuple2<Long, LocalEvent>> events =
        eventNumbers.join(
            EdgeMerge.events(
                clustered.filter(x -> x.event() != null).map(Output::event), roots, partitions),
            partitions);

    JavaRDD<Row> membershipRows =
        places
            .mapToPair(t -> new Tuple2<>(t._2().event(), new Tuple2<>(t._1(), t._2())))
            .join(events, partitions)
            .mapToPair(
                t -> {
                  Place p = t._2()._1()._2();
                  return new Tuple2<>(
                      p.thread(), new Tuple2<>(t._2()._1()._1(), new Tuple2<>(p, t._2()._2())));
                })
            .join(storyNumbers, partitions)
            .map(
                t -> {
                  long seq = t._2()._1()._1();
                  Place p = t._2()._1()._2()._1();
                  long eventNo = t._2()._1()._2()._2()._1();
                  LocalEvent meta = t._2()._1()._2()._2()._2();
                  return RowFactory.create(
                      seq, t._2()._2(), eventNo, p.duplicateOf(), meta.day(), meta.headline());
                });
    int words = o.words();
    boolean byEvent = o.byEvent();
    boolean facts = o.facts();
    Dataset<Row> memberships =
        spark
            .createDataFrame(membershipRows, StoryAssembly.MEMBERSHIP)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> storyPrints = RunCache.storyPrints(memberships).persist();
    // only stories whose members or numbers changed are summarized again
    Dataset<Row> toAssemble = cache.storiesToAssemble(storyPrints).persist();
    long assembled = toAssemble.count();
    // each story's articles meet in one task, in input order, through Spark SQL's shuffle
    Dataset<Row> members =
        articlesDf
            .select(ARTICLE_COLUMNS)
            .join(memberships.join(toAssemble, "story"), "seq")
            .select(StoryAssembly.MEMBER_COLUMNS)
            .repartition(partitions, col("story"))
            .sortWithinPartitions("story", "seq");
    JavaRDD<StoryAssembly.Part> parts =
        cache
            .writeParts(
                members
                    .javaRDD()
                    .mapPartitions(
                        rows ->
                            StoryAssembly.assembleAll(
                                rows, new SummaryOptions(words, false, "default"), byEvent, facts)),
                storyPrints,
                runDir)
            // read by nine passes (tables, counts, lines): kept as objects, not deserialized
            // again for each (what spills goes to disk serialized)
            .persist(StorageLevel.MEMORY_AND_DISK());
    memberships.unpersist();
    storyPrints.unpersist();
    toAssemble.unpersist();
    stage("stories");

    OutputTables.write(spark, parts, runDir);
    long copiesFound = copies.count();
    long[] counts = // articles grouped, events, stories: one pass
        parts.aggregate(
            new long[3],
            (c, p) -> {
              c[0] += p.group() != null ? 1 : 0;
              c[1] += p.event() != null ? 1 : 0;
              c[2] += p.story() != null ? 1 : 0;
              return c;
            },
            (x, y) -> new long[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]});
    if (o.jsonl()) {
      OutputTables.writeJsonl(parts, runDir, conf);
    }
    stage("tables");
    Set<String> done = new LinkedHashSet<>(before.files());
    fresh.forEach(f -> done.add(f.key()));
    new RunManifest(run, done, runs, o.stateKey()).commit(o.output(), conf);
    stage("commit");
    if (o.jsonl()) {
      publishJsonl(runDir, o.output(), conf);
    }
    cleanUp(o.output(), run, conf);
    parts.unpersist();
    places.unpersist();
    clustered.unpersist();
    copies.unpersist();
    return new RunReport(
        run,
        files,
        copiesFound,
        counts[0],
        counts[1],
        counts[2],
        new RunReport.Work(toCluster.length, warmUpPlan.windows().length, assembled));
  }

  /** Reads and cleans the new files into {@code articles/run=N}; returns each file's report. */
  private static List<FileReport> readAndClean(
      SparkSession spark,
      JavaSparkContext jsc,
      JobOptions o,
      List<InputFiles.InputFile> fresh,
      int run) {
    List<Tuple2<Integer, String>> indexed = new ArrayList<>();
    for (int i = 0; i < fresh.size(); i++) {
      indexed.add(new Tuple2<>(i, fresh.get(i).path()));
    }
    long maxBytes = o.maxFileBytes();
    JavaRDD<ArticleReading.Item> items =
        jsc.parallelize(indexed, indexed.size())
            .flatMap(
                t ->
                    ArticleReading.read(run, t._1(), t._2(), maxBytes, new Configuration())
                        .iterator());
    if (fresh.size() < o.partitions()) {
      // few large files: spread their records before the costly cleaning
      items = items.repartition(o.partitions());
    }
    FileReports reports = new FileReports();
    jsc.sc().register(reports, "file reports");
    // one pass: each article is cleaned, written and forgotten; the reports are counted on the way
    JavaRDD<Row> rows =
        items.flatMap(
            item -> {
              ArticleReading.Item i = ArticleReading.prepare(item);
              if (i.report() != null) {
                reports.add(i.report());
              }
              return i.article() == null
                  ? java.util.Collections.emptyIterator()
                  : List.of(i.article().toRow(i.features())).iterator();
            });
    RunCache.saveUnique(
        spark.createDataFrame(rows, ArticleRecord.SCHEMA),
        RunManifest.articlesDir(o.output(), run));
    return reports.value();
  }

  /**
   * The time each article is windowed by: its publication time, else (undated) that of the nearest
   * dated article before it in input order, else after it; 0 when nothing is dated. Also its rank
   * in input order. Only numbers: one ordered pass, in one partition, costs little.
   */
  private static JavaPairRDD<Long, long[]> times(Dataset<Row> articles) {
    WindowSpec upTo =
        Window.orderBy("seq").rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    // the whole frame: computed once (a frame from the current row to the end would be
    // recomputed for every row)
    WindowSpec all =
        Window.orderBy("seq").rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    return articles
        .select(col("seq"), unix_millis(col("published")).as("ms"))
        .select(
            col("seq"),
            coalesce(
                    col("ms"),
                    last(col("ms"), true).over(upTo),
                    first(col("ms"), true).over(all),
                    lit(0L))
                .as("t"),
            row_number().over(Window.orderBy("seq")).as("rank"))
        .javaRDD()
        .mapToPair(r -> new Tuple2<>(r.getLong(0), new long[] {r.getLong(1), r.getInt(2) - 1L}));
  }

  /** Numbers groups 1, 2, ... in order of their first article, as the clusterer numbers them. */
  private static <K> JavaPairRDD<K, Long> number(JavaPairRDD<K, Long> firstSeq, int partitions) {
    return firstSeq
        .reduceByKey(Math::min, partitions)
        .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
        .sortByKey(true, partitions)
        .values()
        .zipWithIndex()
        .mapToPair(t -> new Tuple2<>(t._1(), t._2() + 1));
  }

  /** Puts the committed run's {@code stories.jsonl} at the top of the output directory. */
  private static void publishJsonl(String runDir, String output, Configuration conf) {
    try {
      Path target = new Path(output, "stories.jsonl");
      FileSystem fs = target.getFileSystem(conf);
      Path tmp = new Path(output, "_tmp-stories.jsonl");
      fs.delete(tmp, false);
      org.apache.hadoop.fs.FileUtil.copy(
          fs, new Path(runDir, "stories.jsonl"), fs, tmp, false, conf);
      fs.delete(target, false);
      if (!fs.rename(tmp, target)) {
        throw new java.io.IOException("cannot write " + target);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Stops here when a test simulates a run killed after this stage. */
  private static void stage(String name) {
    if (name.equals(crashAfter)) {
      throw new IllegalStateException("killed after stage " + name + " (test)");
    }
  }

  private static boolean exists(Configuration conf, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(conf).exists(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteDirs(Configuration conf, String... dirs) {
    try {
      for (String d : dirs) {
        Path p = new Path(d);
        p.getFileSystem(conf).delete(p, true);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Removes the tables of earlier runs (the articles stay: they are the state). */
  private static void cleanUp(String output, int run, Configuration conf) {
    try {
      Path root = new Path(output);
      FileSystem fs = root.getFileSystem(conf);
      for (int r = 1; r < run; r++) {
        fs.delete(new Path(RunManifest.runDir(output, r)), true);
      }
    } catch (java.io.IOException e) {
      // old tables left behind take space but do no harm: the manifest names the current run
    }
  }
}
