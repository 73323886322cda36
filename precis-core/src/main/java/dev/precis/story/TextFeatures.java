package dev.precis.story;

/**
 * What story clustering needs to know about one article, computed in a single pass over its text
 * and independent of every other article (so it can be computed in parallel): a MinHash signature
 * for near-duplicate detection, and hashed term and entity counts for topical similarity. Term
 * hashes are 64-bit hashes of lower-cased, lightly stemmed words.
 *
 * @param minHash MinHash signature over word 3-shingles ({@link FeatureExtractor#SIGNATURE_SIZE}
 *     values), or an empty array when the text has fewer than three words
 * @param shingles number of shingles the signature was computed over
 * @param terms distinct content-word hashes (stop words removed), sorted ascending
 * @param counts how often each term occurs (title words count twice)
 * @param entities distinct hashes of capitalised words that do not start a sentence (names of
 *     people, places, organisations), sorted ascending; at most {@link
 *     FeatureExtractor#MAX_ENTITIES}
 * @param eventDay the epoch day its news happened ({@link dev.precis.text.TextDates#eventDay}), or
 *     {@link #NO_DAY} when neither its text nor its publication date tells
 * @param weekday whether {@code eventDay} comes from a weekday alone ("on Wednesday"), which may
 *     also mean the same weekday a week earlier when the report is late
 * @param figures the tolls it reports (people killed, injured...), ascending
 * @param kind the kind of happening it reports (a call, a meeting, an attack...), 0 when unknown
 * @param titleTerms distinct content-word hashes of its title, ascending (empty without a title)
 * @param numbers the figures it gives ({@link SharedDetails#numbers}), hashed, ascending
 * @param quotes the word 3-shingles it quotes ({@link SharedDetails#quotes}), hashed, ascending
 */
public record TextFeatures(
    int[] minHash,
    int shingles,
    long[] terms,
    int[] counts,
    long[] entities,
    long eventDay,
    boolean weekday,
    int[] figures,
    int kind,
    long[] titleTerms,
    long[] numbers,
    long[] quotes) {
  /** {@link #eventDay} of an article that does not say when. */
  public static final long NO_DAY = Long.MIN_VALUE;

  /** Features without the figures and quotes it shares with other reports. */
  public TextFeatures(
      int[] minHash,
      int shingles,
      long[] terms,
      int[] counts,
      long[] entities,
      long eventDay,
      boolean weekday,
      int[] figures,
      int kind,
      long[] titleTerms) {
    this(
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
        new long[0],
        new long[0]);
  }

  /** Features without a known event day. */
  public TextFeatures(int[] minHash, int shingles, long[] terms, int[] counts, long[] entities) {
    this(minHash, shingles, terms, counts, entities, NO_DAY, false, new int[0], 0, new long[0]);
  }

  /** These features with the given title terms. */
  public TextFeatures withTitleTerms(long[] title) {
    return new TextFeatures(
        minHash, shingles, terms, counts, entities, eventDay, weekday, figures, kind, title,
        numbers, quotes);
  }

  /** These features with the given event day and tolls. */
  public TextFeatures withEvent(long day, boolean fromWeekday, int[] tolls, int happening) {
    return new TextFeatures(
        minHash,
        shingles,
        terms,
        counts,
        entities,
        day,
        fromWeekday,
        tolls,
        happening,
        titleTerms,
        numbers,
        quotes);
  }

  /** These features with the figures and quoted shingles it gives. */
  public TextFeatures withDetails(long[] givenNumbers, long[] givenQuotes) {
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
        givenNumbers,
        givenQuotes);
  }
}
