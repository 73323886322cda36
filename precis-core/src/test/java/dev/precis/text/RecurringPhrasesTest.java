package dev.precis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecurringPhrasesTest {
  /** A list learned from one template sentence: all of its 4-grams. */
  private static final RecurringPhrases LIST =
      new RecurringPhrases(RecurringPhrases.keys("Media playback is unsupported on your device"));

  @Test
  void aRunOfListedPhrasesIsCutWhereverItSits() {
    String line =
        "The troops fired tear gas. media playback is unsupported on your device They left.";
    assertThat(LIST.strip(line)).isEqualTo("The troops fired tear gas. They left.");
    // case and punctuation between the words do not matter
    assertThat(LIST.strip("MEDIA PLAYBACK: is unsupported on, your device! Next."))
        .isEqualTo("Next.");
  }

  @Test
  void shortRunsStay() {
    // two listed 4-grams in a row (five words) are not enough: common phrases recur too
    String line = "We saw media playback is unsupported here and there.";
    assertThat(LIST.strip(line)).isSameAs(line);
  }

  @Test
  void phrasesWithDigitsAreNeverListed() {
    assertThat(RecurringPhrases.keys("at 10 30 a m on monday")).contains(0L);
    RecurringPhrases times = new RecurringPhrases(RecurringPhrases.keys("at 10 30 a m on monday"));
    String line = "They met at 10 30 a m on monday in the city.";
    assertThat(times.strip(line)).isSameAs(line);
  }

  @Test
  void theShippedListCutsAPlayerNotice() {
    String line =
        "Media playback is unsupported on your device media caption turkish troops fired tear gas.";
    assertThat(RecurringPhrases.standard().strip(line)).isEqualTo("turkish troops fired tear gas.");
  }
}
