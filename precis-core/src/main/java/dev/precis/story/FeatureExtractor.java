package dev.precis.story;

import dev.precis.text.analysis.Stemmer;
import dev.precis.text.analysis.StopWords;
import dev.precis.text.analysis.Tokenizer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Turns an article's title and cleaned text into {@link TextFeatures} in one pass over the
 * characters, hashing words as it goes instead of allocating strings.
 *
 * <p>The analysis chain of {@link dev.precis.text.analysis.Analyzer#NEWS}, streamed: words are runs
 * of letters and digits, lower-cased; a final {@code s} is dropped ({@link
 * dev.precis.text.analysis.Stemmer#FINAL_S}) so that plurals meet their singular. Stop words
 * ({@link StopWords#NEWS}) and one-letter words carry no topic and are left out of the term counts,
 * but every word takes part in the shingles, because copies are recognised by their exact wording.
 * Capitalised words that do not start a sentence stand in for named entities: Precis ships no NER
 * model, and in news text this simple rule finds most names of people, places and organisations. A
 * run of capitalised words is one name, known by its last word: "Rex Tillerson" and a later
 * "Tillerson" are the same name, and first names ("Joe", "Rex"), shared by many people, are not
 * names on their own.
 *
 * <p>Not thread-safe (it reuses buffers): use one instance per thread.
 */
public final class FeatureExtractor {
  /** Number of MinHash values in a signature. */
  public static final int SIGNATURE_SIZE = 63;

  /** Most entities kept per article (the most frequent ones). */
  public static final int MAX_ENTITIES = 24;

  /** Words read per article: enough to know the story, and bounds the work for huge inputs. */
  public static final int MAX_WORDS = 3000;

  private static final long[] MULTIPLIERS = new long[SIGNATURE_SIZE];
  private static final long[] ADDENDS = new long[SIGNATURE_SIZE];
  private static final LongSet STOP_WORDS = new LongSet(512);

  static {
    SplittableRandom random = new SplittableRandom(0x5eed_cafe_f00dL);
    for (int i = 0; i < SIGNATURE_SIZE; i++) {
      MULTIPLIERS[i] = random.nextLong() | 1L;
      ADDENDS[i] = random.nextLong();
    }
    for (String w : StopWords.NEWS.words()) {
      STOP_WORDS.add(hashWord(w));
    }
  }

  private long[] words = new long[256];
  private long[] terms = new long[256];
  private long[] entities = new long[64];
  private final int[] signature = new int[SIGNATURE_SIZE];

  /** Extracts the features of one article; {@code title} may be {@code null}. */
  public TextFeatures extract(String title, String text) {
    int termCount = 0;
    int entityCount = 0;
    if (title != null) {
      int n = tokenize(title, false);
      for (int i = 0; i < n; i++) {
        long w = words[i];
        if (w != 0 && !STOP_WORDS.contains(w)) {
          terms = grow(terms, termCount + 2);
          terms[termCount++] = w; // title words count twice: they name the story
          terms[termCount++] = w;
        }
      }
    }
    long[] titleTerms = SharedDetails.distinctSorted(terms, termCount);
    if (title == null || title.isBlank()) {
      // without a title, the lead names the happening: its first sentence stands in
      titleTerms = leadTerms(text);
    }
    int n = tokenize(text, true);
    for (int i = 0; i < n; i++) {
      long w = words[i];
      if (w == 0) {
        continue;
      }
      long plain = w & ~ENTITY_BIT;
      if (STOP_WORDS.contains(plain)) {
        continue;
      }
      terms = grow(terms, termCount + 1);
      terms[termCount++] = plain;
      if ((w & ENTITY_BIT) != 0) {
        entities = grow(entities, entityCount + 1);
        entities[entityCount++] = plain;
      }
    }
    int shingles = minHash(n);
    int[] sig = shingles == 0 ? new int[0] : signature.clone();

    Arrays.sort(terms, 0, termCount);
    int distinct = 0;
    for (int i = 0; i < termCount; i++) {
      if (i == 0 || terms[i] != terms[i - 1]) {
        distinct++;
      }
    }
    long[] t = new long[distinct];
    int[] c = new int[distinct];
    int k = -1;
    for (int i = 0; i < termCount; i++) {
      if (i == 0 || terms[i] != terms[i - 1]) {
        t[++k] = terms[i];
      }
      c[k]++;
    }
    return new TextFeatures(sig, shingles, t, c, topEntities(entityCount))
        .withTitleTerms(titleTerms);
  }

  /** Most characters of a lead read when an article has no title. */
  static final int MAX_LEAD_CHARS = 300;

  /** The distinct content-word hashes of the first sentence of {@code text}, ascending. */
  private long[] leadTerms(String text) {
    int end = Math.min(text.length(), MAX_LEAD_CHARS);
    for (int i = 40; i < end - 1; i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1))) {
        end = i;
        break;
      }
    }
    int n = tokenize(text.substring(0, end), false);
    int k = 0;
    long[] lead = new long[n];
    for (int i = 0; i < n; i++) {
      if (words[i] != 0 && !STOP_WORDS.contains(words[i])) {
        lead[k++] = words[i];
      }
    }
    return SharedDetails.distinctSorted(lead, k);
  }

  // Bit 0 of a word hash marks "capitalised, not at a sentence start" inside the word buffer;
  // a zero word is a skipped (one-letter) word. Both cost one bit of hash: harmless.
  private static final long ENTITY_BIT = 1L;

  /** Hashes the words of {@code s} into {@link #words}; returns how many. */
  private int tokenize(String s, boolean markEntities) {
    int n = 0;
    boolean sentenceStart = true;
    // whether the previous word was capitalised and only spaces came since: a run of capitalised
    // words is one name, known by its last word ("Rex Tillerson" and "Tillerson" alike)
    boolean inName = false;
    int len = s.length();
    int i = 0;
    while (i < len && n < MAX_WORDS) {
      char c = s.charAt(i);
      if (!Tokenizer.isWordChar(c)) {
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') {
          sentenceStart = true;
        }
        if (c != ' ') {
          inName = false;
        }
        i++;
        continue;
      }
      boolean capital = Character.isUpperCase(c);
      if (markEntities && capital && inName && n > 0) {
        words[n - 1] &= ~ENTITY_BIT;
      }
      long h = Hashing.start();
      long beforeLast = h;
      char last = 0;
      char secondLast = 0;
      int start = i;
      while (i < len) {
        char d = s.charAt(i);
        if (!Tokenizer.isWordChar(d)) {
          break;
        }
        d = Character.toLowerCase(d);
        beforeLast = h;
        h = Hashing.add(h, d);
        secondLast = last;
        last = d;
        i++;
      }
      int length = i - start;
      long w;
      if (length < 2 && !Character.isDigit(last)) {
        w = 0;
      } else {
        if (Stemmer.dropsFinalS(length, last, secondLast)) {
          h = beforeLast;
        }
        w = Hashing.mix(h) & ~ENTITY_BIT;
        if (w == 0) {
          w = 2;
        }
        if (markEntities && capital && !sentenceStart) {
          w |= ENTITY_BIT;
        }
      }
      words = grow(words, n + 1);
      words[n++] = w;
      inName = capital;
      sentenceStart = false;
    }
    return n;
  }

  /** Fills {@link #signature} from the 3-shingles of the first {@code n} words. */
  private int minHash(int n) {
    Arrays.fill(signature, Integer.MAX_VALUE);
    int shingles = 0;
    long a = 0;
    long b = 0;
    int seen = 0;
    for (int i = 0; i < n; i++) {
      long w = words[i] & ~ENTITY_BIT;
      if (w == 0) {
        continue; // one-letter words ("a", the "s" of "'s") vary in copies: skip them
      }
      long shingle = Hashing.mix(a ^ Long.rotateLeft(b, 21) ^ Long.rotateLeft(w, 42));
      a = b;
      b = w;
      if (++seen < 3) {
        continue;
      }
      shingles++;
      for (int j = 0; j < SIGNATURE_SIZE; j++) {
        // multiply-shift hashing: a fresh, cheap permutation of the (already mixed) shingle
        int v = (int) ((shingle * MULTIPLIERS[j] + ADDENDS[j]) >>> 33);
        if (v < signature[j]) {
          signature[j] = v;
        }
      }
    }
    return shingles;
  }

  private long[] topEntities(int count) {
    if (count == 0) {
      return new long[0];
    }
    Arrays.sort(entities, 0, count);
    // count runs, keep the most frequent MAX_ENTITIES (ties: smaller hash, for determinism)
    long[] keys = new long[count];
    int[] freq = new int[count];
    int k = -1;
    for (int i = 0; i < count; i++) {
      if (i == 0 || entities[i] != entities[i - 1]) {
        keys[++k] = entities[i];
      }
      freq[k]++;
    }
    int distinct = k + 1;
    if (distinct <= MAX_ENTITIES) {
      return Arrays.copyOf(keys, distinct);
    }
    Integer[] order = new Integer[distinct];
    for (int i = 0; i < distinct; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order, (x, y) -> freq[x] != freq[y] ? freq[y] - freq[x] : Long.compare(keys[x], keys[y]));
    long[] out = new long[MAX_ENTITIES];
    for (int i = 0; i < MAX_ENTITIES; i++) {
      out[i] = keys[order[i]];
    }
    Arrays.sort(out);
    return out;
  }

  private static long[] grow(long[] a, int needed) {
    return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
  }

  /** The term hash of one word, exactly as {@link #extract} computes it. */
  public static long hashWord(String word) {
    FeatureExtractor fx = new FeatureExtractor();
    int n = fx.tokenize(word, false);
    return n == 0 ? 0 : fx.words[0];
  }

  /** Whether the term hash belongs to a stop word. */
  static boolean isStopWord(long term) {
    return STOP_WORDS.contains(term);
  }
}
