package dev.precis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The furniture stage: a sentence on the learned list goes, the same words in another case or with
 * other digits go too, a dateline glued to the first sentence is cut off it, and news stays.
 */
class FurnitureSentenceFilterTest {
  private static final SentenceSplitter SPLITTER = new RuleBasedSentenceSplitter();

  /** A list learned from a made-up notice that recurs across stories. */
  private static final String NOTICE = "Sign in to keep reading 3 free stories this month.";

  private static FurnitureSentenceFilter filter() {
    return new FurnitureSentenceFilter(
        SPLITTER, Set.of(FurnitureSentenceFilter.hash(FurnitureSentenceFilter.key(NOTICE))));
  }

  private static List<String> sentences(SentenceSplitter s, String text) {
    return s.split(text).stream().map(span -> span.of(text)).toList();
  }

  @Test
  void listedSentencesAreDroppedInAnyCaseAndWithOtherDigits() {
    String text =
        "The council approved the budget on Monday. SIGN IN TO KEEP READING 5 FREE STORIES THIS"
            + " MONTH. The vote was seven to two.";
    assertThat(sentences(filter(), text))
        .containsExactly(
            "The council approved the budget on Monday.", "The vote was seven to two.");
  }

  @Test
  void newsIsKeptAndOffsetsStillIndexTheText() {
    String text = "Officials met in Geneva on Monday. The talks lasted six hours.";
    List<Span> spans = filter().split(text);
    assertThat(spans).isEqualTo(SPLITTER.split(text));
  }

  @Test
  void datelineGluedToTheFirstSentenceIsCutOff() {
    String text =
        "Nov. 29, 2018, 1: 40 am gmt / updated nov. 29, 2018, 1: 52 am gmt by jane roe for weeks,"
            + " student veterans have raised an alarm about late payments. They say rent is due.";
    List<String> kept = sentences(filter(), text);
    assertThat(kept.get(0))
        .isEqualTo("for weeks, student veterans have raised an alarm about late payments.");
    assertThat(kept).hasSize(2);
  }

  @Test
  void timestampLinesGoButTimesInsideNewsStay() {
    assertThat(FurnitureSentenceFilter.isTimestampLine("Updated Sep. 19, 2017, 11:59 pm GMT"))
        .isTrue();
    assertThat(
            FurnitureSentenceFilter.isTimestampLine(
                "The guards reported pulling off the interstate about 6:30 p.m. Sunday after their"
                    + " vehicle broke down."))
        .isFalse();
  }

  @Test
  void shippedListLoadsAndKeyIgnoresPunctuation() {
    assertThat(FurnitureSentenceFilter.load(FurnitureSentenceFilter.RESOURCE)).isNotEmpty();
    assertThat(FurnitureSentenceFilter.key("Hello, World -- 2018!")).isEqualTo("hello world 0000");
  }
}
