package dev.precis.spark;

import dev.precis.story.StoryClusterer;
import dev.precis.story.TextFeatures;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The clusterer's features of one article ({@link StoryClusterer#features}) besides its MinHash
 * signature, computed once when the article is cleaned and stored with it, so that no window
 * recomputes them from the text (each article is clustered in up to two windows and observed in
 * others). The text is then not needed for clustering at all.
 */
record ClusterFeatures(
    long[] terms,
    int[] counts,
    long[] entities,
    long eventDay,
    boolean weekday,
    int[] figures,
    int kind,
    long[] titleTerms,
    long[] numbers,
    long[] quotes)
    implements Serializable {

  /** The columns after those of {@link ArticleRecord#SCHEMA}'s article fields, in this order. */
  static StructType addColumns(StructType schema) {
    return schema
        .add("terms", DataTypes.createArrayType(DataTypes.LongType, false))
        .add("counts", DataTypes.createArrayType(DataTypes.IntegerType, false))
        .add("entities", DataTypes.createArrayType(DataTypes.LongType, false))
        .add("event_day", DataTypes.LongType, false)
        .add("weekday", DataTypes.BooleanType, false)
        .add("figures", DataTypes.createArrayType(DataTypes.IntegerType, false))
        .add("kind", DataTypes.IntegerType, false)
        .add("title_terms", DataTypes.createArrayType(DataTypes.LongType, false))
        .add("numbers", DataTypes.createArrayType(DataTypes.LongType, false))
        .add("quotes", DataTypes.createArrayType(DataTypes.LongType, false));
  }

  static final List<String> COLUMNS =
      List.of(
          "terms",
          "counts",
          "entities",
          "event_day",
          "weekday",
          "figures",
          "kind",
          "title_terms",
          "numbers",
          "quotes");

  static ClusterFeatures of(TextFeatures f) {
    return new ClusterFeatures(
        f.terms(),
        f.counts(),
        f.entities(),
        f.eventDay(),
        f.weekday(),
        f.figures(),
        f.kind(),
        f.titleTerms(),
        f.numbers(),
        f.quotes());
  }

  /** The values of {@link #COLUMNS}. */
  Object[] values() {
    return new Object[] {
      terms.clone(),
      counts.clone(),
      entities.clone(),
      eventDay,
      weekday,
      figures.clone(),
      kind,
      titleTerms.clone(),
      numbers.clone(),
      quotes.clone()
    };
  }

  /** The clusterer's features, with the signature stored beside these. */
  TextFeatures with(int[] minHash, int shingles) {
    return new TextFeatures(
        minHash,
        shingles,
        terms,
        counts,
        entities,
        eventDay,
        weekday,
        figures,
        kind,
        titleTerms,
        numbers,
        quotes);
  }

  /** Reads {@link #COLUMNS} starting at column {@code at}. */
  static ClusterFeatures fromRow(Row r, int at) {
    return new ClusterFeatures(
        longs(r.getList(at)),
        ints(r.getList(at + 1)),
        longs(r.getList(at + 2)),
        r.getLong(at + 3),
        r.getBoolean(at + 4),
        ints(r.getList(at + 5)),
        r.getInt(at + 6),
        longs(r.getList(at + 7)),
        longs(r.getList(at + 8)),
        longs(r.getList(at + 9)));
  }

  /** Only the terms: what a warm-up article contributes (document frequencies). */
  static TextFeatures termsOnly(long[] terms) {
    return new TextFeatures(new int[0], 0, terms, new int[terms.length], new long[0]);
  }

  static long[] longs(List<Long> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  static int[] ints(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
