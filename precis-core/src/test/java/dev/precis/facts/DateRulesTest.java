package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Date resolution against publication dates, date lines and the story's year. */
class DateRulesTest {
  @Test
  void aDateLineInTheTextIsThePublicationDate() {
    Article a =
        Precis.defaults()
            .prepare(
                RawArticle.ofText(
                    "a",
                    "Published: Fri, April 21, 2017\nWorld | By Paul Elliott\n\nLavrov said he had a frank talk."));
    assertThat(a.published()).isEqualTo(Instant.parse("2017-04-21T00:00:00Z"));
  }

  @Test
  void weekdaysAndRelativeDatesResolveAgainstIt() {
    FactSheet s =
        Fixtures.sheet(
            "Published: Fri, April 21, 2017\n\nWhile Lavrov and Putin were less than welcoming to"
                + " Tillerson on Wednesday, Ryabkov came out throwing haymakers. A chemical weapons"
                + " attack last week led to retaliatory cruise missiles. Trump took office in January.");
    assertThat(s.dates())
        .anyMatch(
            d -> d.text().equals("on Wednesday") && LocalDate.of(2017, 4, 19).equals(d.date()));
    assertThat(s.dates())
        .anyMatch(d -> d.text().equals("last week") && LocalDate.of(2017, 4, 10).equals(d.date()));
    assertThat(s.dates())
        .anyMatch(d -> d.text().equals("in January") && LocalDate.of(2017, 1, 1).equals(d.date()));
  }

  @Test
  void withoutAnyDateRelativeExpressionsStayUnresolvedAndMonthDaysTakeTheStoryYear() {
    FactSheet s =
        Fixtures.sheet(
            "Tillerson spoke with his Russian counterpart by phone on Wednesday.",
            "The United States on April 7 fired dozens of cruise missiles at a Syrian air base.",
            "Safronkov attends a UN Security Council meeting on April 12, 2017 at UN headquarters.");
    assertThat(s.dates()).anyMatch(d -> d.text().equals("on Wednesday") && d.date() == null);
    assertThat(s.dates())
        .anyMatch(
            d ->
                d.text().equals("April 7")
                    && LocalDate.of(2017, 4, 7).equals(d.date())
                    && d.basis().equals("story"));
    assertThat(s.timeline())
        .extracting(TimelineEvent::date)
        .containsExactly(LocalDate.of(2017, 4, 7), LocalDate.of(2017, 4, 12));
  }

  @Test
  void isoDatesCountForTheStoryYear() {
    FactSheet s =
        Fixtures.sheet("The report is dated 2010-01-15 and the quake struck on January 12.");
    assertThat(s.dates()).anyMatch(d -> LocalDate.of(2010, 1, 15).equals(d.date()));
    assertThat(s.dates()).anyMatch(d -> LocalDate.of(2010, 1, 12).equals(d.date()));
  }
}
