package dev.precis.spark;

import dev.precis.spark.StoryAssembly.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet tables of a run ({@code article_groups}, {@code events}, {@code stories}, {@code
 * summaries}, {@code facts}) and, on request, {@code stories.jsonl}: the lines {@code precis
 * stories} writes, stories in order of their first article.
 */
final class OutputTables {
  static final StructType GROUPS =
      new StructType()
          .add("seq", DataTypes.LongType, false)
          .add("id", DataTypes.StringType)
          .add("event", DataTypes.LongType, false)
          .add("story", DataTypes.LongType, false)
          .add("duplicate_of", DataTypes.StringType);
  static final StructType EVENTS =
      new StructType()
          .add("event", DataTypes.LongType, false)
          .add("story", DataTypes.LongType, false)
          .add("day", DataTypes.DateType)
          .add("headline", DataTypes.StringType)
          .add("article_ids", DataTypes.createArrayType(DataTypes.StringType));
  static final StructType STORIES =
      new StructType()
          .add("story", DataTypes.LongType, false)
          .add("title", DataTypes.StringType)
          .add("first_seen", DataTypes.TimestampType)
          .add("last_seen", DataTypes.TimestampType)
          .add("events", DataTypes.createArrayType(DataTypes.LongType))
          .add("article_ids", DataTypes.createArrayType(DataTypes.StringType));
  static final StructType SUMMARIES =
      new StructType()
          .add("entry", DataTypes.StringType)
          .add("story", DataTypes.LongType, false)
          .add("summary", DataTypes.StringType)
          .add("sentences_json", DataTypes.StringType);
  static final StructType FACTS =
      new StructType()
          .add("entry", DataTypes.StringType)
          .add("story", DataTypes.LongType, false)
          .add("facts_json", DataTypes.StringType);

  private OutputTables() {}

  static void write(SparkSession spark, JavaRDD<Part> parts, String dir) {
    save(
        spark,
        parts
            .filter(p -> p.group() != null)
            .map(
                p ->
                    RowFactory.create(
                        p.group().seq(),
                        p.group().id(),
                        p.group().event(),
                        p.group().story(),
                        p.group().duplicateOf())),
        GROUPS,
        dir + "/article_groups");
    save(
        spark,
        parts
            .filter(p -> p.event() != null)
            .map(
                p ->
                    RowFactory.create(
                        p.event().event(),
                        p.event().story(),
                        p.event().day() == null ? null : Date.valueOf(p.event().day()),
                        p.event().headline(),
                        p.event().articleIds().toArray(String[]::new))),
        EVENTS,
        dir + "/events");
    save(
        spark,
        parts
            .filter(p -> p.story() != null)
            .map(
                p ->
                    RowFactory.create(
                        p.story().story(),
                        p.story().title(),
                        p.story().firstSeen(),
                        p.story().lastSeen(),
                        p.story().events().stream().mapToLong(Long::longValue).toArray(),
                        p.story().articleIds().toArray(String[]::new))),
        STORIES,
        dir + "/stories");
    save(
        spark,
        parts
            .filter(p -> p.entry() != null)
            .map(
                p ->
                    RowFactory.create(
                        p.entry().id(),
                        p.entry().story(),
                        p.entry().summary(),
                        p.entry().citations())),
        SUMMARIES,
        dir + "/summaries");
    save(
        spark,
        parts
            .filter(p -> p.entry() != null)
            .map(p -> RowFactory.create(p.entry().id(), p.entry().story(), p.entry().facts())),
        FACTS,
        dir + "/facts");
  }

  private static void save(
      SparkSession spark, JavaRDD<org.apache.spark.sql.Row> rows, StructType schema, String path) {
    spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(path);
  }

  /**
   * Writes the entries' lines in story order as part files, then joins them into one {@code
   * stories.jsonl} (streamed through the driver a buffer at a time).
   */
  static void writeJsonl(JavaRDD<Part> parts, String dir, Configuration conf) {
    String partsDir = dir + "/jsonl-parts";
    parts
        .filter(p -> p.entry() != null)
        .map(Part::entry)
        .sortBy(e -> e.story() * 4096 + Math.min(e.index(), 4095), true, parts.getNumPartitions())
        .map(e -> e.line().endsWith("\n") ? e.line().substring(0, e.line().length() - 1) : e.line())
        .saveAsTextFile(partsDir);
    try {
      Path from = new Path(partsDir);
      FileSystem fs = from.getFileSystem(conf);
      FileStatus[] files = fs.listStatus(from, p -> p.getName().startsWith("part-"));
      Arrays.sort(files, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      try (OutputStream out = fs.create(new Path(dir + "/stories.jsonl"), true)) {
        for (FileStatus f : files) {
          try (InputStream in = fs.open(f.getPath())) {
            in.transferTo(out);
          }
        }
      }
      fs.delete(from, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
