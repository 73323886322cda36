package dev.precis.spark;

import dev.precis.model.Article;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
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

  static final StructType SCHEMA =
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
          .add("shingles", DataTypes.IntegerType, false);

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

  /** The article as the library sees it, under the given id. */
  Article article(String asId) {
    return new Article(asId, title, text, url, outlet, published, author, origin, language);
  }

  Row toRow() {
    return RowFactory.create(
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
        shingles);
  }

  static ArticleRecord fromRow(Row r) {
    List<Integer> hashes = r.getList(11);
    int[] minHash = new int[hashes.size()];
    for (int i = 0; i < minHash.length; i++) {
      minHash[i] = hashes.get(i);
    }
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
