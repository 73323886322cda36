package dev.precis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextDatesTest {
  private static final LocalDate FRIDAY = LocalDate.of(2017, 4, 14);

  @Test
  void aWeekdayInTheLeadIsTheLatestSuchDayUpToPublication() {
    TextDates.EventDay d =
        TextDates.eventDayOf(null, "The talks got underway Wednesday in Moscow.", FRIDAY);
    assertThat(d.day()).isEqualTo(LocalDate.of(2017, 4, 12));
    assertThat(d.weekday()).isTrue();
  }

  @Test
  void aPlanIsNotTheHappening() {
    assertThat(
            TextDates.eventDay(null, "They will meet next Wednesday. Yesterday he flew.", FRIDAY))
        .isEqualTo(LocalDate.of(2017, 4, 13));
  }

  @Test
  void aDateLineGivesTheReferenceOfAnUndatedArticle() {
    String text =
        "Published: Fri, April 21, 2017\n\nLavrov said on Wednesday that talks were frank.";
    assertThat(TextDates.eventDay(null, text, null)).isEqualTo(LocalDate.of(2017, 4, 19));
  }

  @Test
  void monthAndDayTakeThePublicationYearAndFarDatesAreBackground() {
    assertThat(TextDates.eventDay(null, "On April 4 a gas attack killed 87 people.", FRIDAY))
        .isEqualTo(LocalDate.of(2017, 4, 4));
    // the 2003 invasion is background, not the news: the publication day stands
    assertThat(TextDates.eventDay(null, "Since March 20, 2003 the war has gone on.", FRIDAY))
        .isEqualTo(FRIDAY);
  }

  @Test
  void withoutAnyDateNothingIsKnown() {
    assertThat(TextDates.eventDay("A call", "He spoke by phone on Wednesday.", null)).isNull();
  }
}
