package dev.precis.spark;

import dev.precis.model.Article;
import java.io.Serializable;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One cleaned article as the job moves it between stages and keeps it in the {@code articles}
 * Parquet table, with the MinHash fingerprint copies are found by.
 *
 * @param seq its place in input order: run (8 bits), input file (24 bits), record in the file (32
 *     bits); the clusterer sees articles in this order, as the command line reads them
 * @param file the input file it came from
 * @param minHash MinHash signature of its cleaned text (empty under three words)
 * @param shingles number of word 3-shingles the signature covers
 */
record ArticleRecord(
    long seq,
    String id,
    String title,
    String text,
    String url,
    String outlet,
    Instant published,
    String author,
    String origin,
    String language,
    String file,
    int[] minHash,
    int shingles)
    implements Serializable {

  /** The article's columns, then those of its {@link ClusterFeatures}. */
  static final StructType SCHEMA =
      ClusterFeatures.addColumns(
          new StructType()
              .add("seq", DataTypes.LongType, false)
              .add("id", DataTypes.StringType)
              .add("title", DataTypes.StringType)
              .add("text", DataTypes.StringType)
              .add("url", DataTypes.StringType)
              .add("outlet", DataTypes.StringType)
              .add("published", DataTypes.TimestampType)
              .add("author", DataTypes.StringType)
              .add("origin", DataTypes.StringType)
              .add("language", DataTypes.StringType)
              .add("file", DataTypes.StringType)
              .add("min_hash", DataTypes.createArrayType(DataTypes.IntegerType, false))
              .add("shingles", DataTypes.IntegerType, false));

  /** Index of the first {@link ClusterFeatures} column. */
  static final int FEATURES_AT = 13;

  static long seq(int run, int file, long record) {
    return ((long) run << 56) | ((long) file << 32) | record;
  }

  static ArticleRecord of(long seq, Article a, String file, int[] minHash, int shingles) {
    return new ArticleRecord(
        seq,
        a.id(),
        a.title(),
        a.text(),
        a.url(),
        a.outlet(),
        a.published(),
        a.author(),
        a.origin(),
        a.language(),
        file,
        minHash,
        shingles);
  }

  /** This article without its text and signature (a copy's: never summarized). */
  ArticleRecord withoutText() {
    return new ArticleRecord(
        seq, id, title, "", url, outlet, published, author, origin, language, file, new int[0], 0);
  }

  /** The article as the library sees it, under the given id. */
  Article article(String asId) {
    return new Article(asId, title, text, url, outlet, published, author, origin, language);
  }

  /** The row of the {@code articles} table: this article and its clustering features. */
  Row toRow(ClusterFeatures features) {
    Object[] fv = features.values();
    Object[] values = new Object[FEATURES_AT + fv.length];
    Object[] own = {
      seq,
      id,
      title,
      text,
      url,
      outlet,
      published,
      author,
      origin,
      language,
      file,
      minHash.clone(),
      shingles
    };
    System.arraycopy(own, 0, values, 0, FEATURES_AT);
    System.arraycopy(fv, 0, values, FEATURES_AT, fv.length);
    return RowFactory.create(values);
  }

  static ArticleRecord fromRow(Row r) {
    int[] minHash = ClusterFeatures.ints(r.getList(11));
    return new ArticleRecord(
        r.getLong(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.isNullAt(6) ? null : r.getInstant(6),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        r.getString(10),
        minHash,
        r.getInt(12));
  }
}
