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
 */
public record TextFeatures(
    int[] minHash, int shingles, long[] terms, int[] counts, long[] entities) {}
