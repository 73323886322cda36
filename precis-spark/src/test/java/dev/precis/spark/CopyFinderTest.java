package dev.precis.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

class CopyFinderTest {
  private static Tuple2<Long, Long> pair(long later, long earlier) {
    return new Tuple2<>(later, earlier);
  }

  @Test
  void eachPairOnceFromPairsSortedByTheirLaterArticle() {
    // as the shuffle delivers them: sorted by the first element only, repeats in any order
    List<Tuple2<Long, Long>> sorted =
        List.of(
            pair(0, 9), // a first key equal to the iterator's initial state
            pair(0, 9),
            pair(3, 1),
            pair(3, 2),
            pair(3, 1),
            pair(5, 1),
            pair(5, 3),
            pair(5, 1),
            pair(5, 3),
            pair(7, 2));
    List<Tuple2<Long, Long>> out = new ArrayList<>();
    CopyFinder.withoutRepeats(sorted.iterator()).forEachRemaining(out::add);
    assertThat(out)
        .containsExactly(pair(0, 9), pair(3, 1), pair(3, 2), pair(5, 1), pair(5, 3), pair(7, 2));
  }

  @Test
  void bucketsPairEachMemberWithItsEarliestMembers() {
    List<Long> bucket = new ArrayList<>();
    for (long s = 40; s > 0; s--) {
      bucket.add(s);
    }
    List<Tuple2<Long, Long>> pairs = CopyFinder.pairs(bucket);
    // member i (0-based, in input order) with the min(i, 16) earliest: 1 + 2 + ... + 16 + 16 * 23
    assertThat(pairs).hasSize(136 + 16 * 23);
    assertThat(pairs).contains(pair(40, 16)).doesNotContain(pair(40, 17));
  }
}
