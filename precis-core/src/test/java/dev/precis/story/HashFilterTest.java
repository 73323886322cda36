package dev.precis.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HashFilterTest {
  private static final String[] TITLE =
      "Tillerson meets Lavrov in Moscow as relations hit a low point".split(" ");

  @Test
  void everyHashAddedIsFoundAndMostOthersAreSaidAbsent() {
    long[] added = Arrays.stream(TITLE).mapToLong(w -> Hashing.word(w.toLowerCase())).toArray();
    HashFilter filter = HashFilter.of(added, StoryState.TITLE_FILTER_WORDS);
    for (long h : added) {
      assertThat(filter.mightContain(h)).isTrue();
    }
    // 11 words in 512 bits: a word never added is said present about 2 % of the time
    int falseMaybes = 0;
    for (int i = 0; i < 10_000; i++) {
      if (filter.mightContain(Hashing.word("other" + i))) {
        falseMaybes++;
      }
    }
    assertThat(falseMaybes).isBetween(50, 500);
    assertThat(new HashFilter(1).mightContain(Hashing.word("moscow"))).isFalse();
  }

  @Test
  void theTitleOverlapOfAnEventIsTheSameWithItsFilter() {
    // the filter only skips searches: the share of title words is what the arrays alone give
    StoryState event = new StoryState(1, 8);
    long[] words =
        Arrays.stream(TITLE).mapToLong(w -> Hashing.word(w.toLowerCase())).sorted().toArray();
    event.addTitleTerms(Arrays.copyOf(words, 6));
    long[] given = Arrays.copyOfRange(words, 3, words.length);
    long shared =
        Arrays.stream(given).filter(g -> Arrays.binarySearch(event.titleTerms, g) >= 0).count();
    assertThat(shared).isEqualTo(3);
    assertThat(event.weightedTitleOverlap(given, null)).isEqualTo(3.0 / given.length);
  }

  @Test
  void aDotProductSkippingByTheFilterIsTheMergedOneToTheBit() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      long[] vocabulary = random.longs(400).map(Hashing::mix).sorted().distinct().toArray();
      TermVector a = sample(vocabulary, 64, random);
      TermVector b = sample(vocabulary, 160, random);
      double merged =
          TermVector.dot(b.terms, b.weights, b.terms.length, a.terms, a.weights, a.terms.length);
      assertThat(a.dotWith(b.terms, b.weights, b.terms.length)).isEqualTo(merged);
    }
  }

  private static TermVector sample(long[] vocabulary, int n, java.util.Random random) {
    long[] terms = new long[n];
    for (int i = 0; i < n; i++) {
      terms[i] = vocabulary[random.nextInt(vocabulary.length)];
    }
    terms = Arrays.stream(terms).sorted().distinct().toArray();
    float[] weights = new float[terms.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextFloat();
    }
    return new TermVector(terms, weights);
  }

  @Test
  void aSizeThatIsNotAPowerOfTwoIsRefused() {
    assertThatThrownBy(() -> new HashFilter(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
