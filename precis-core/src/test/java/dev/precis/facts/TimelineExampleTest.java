package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.Precis;
import dev.precis.format.FactSheetFormat;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.text.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The timeline of the bundled example's April 2017 event (articles 001-004: Tillerson meets Lavrov
 * in Moscow on Wednesday 12 April; 004 is a report published Friday 21 April).
 */
class TimelineExampleTest {
  static List<Document> docs;
  static FactSheet sheet;

  @BeforeAll
  static void extract() throws IOException {
    Path dir =
        Path.of(System.getProperty("precis.root", ".")).resolve("examples/tillerson-lavrov-2017");
    List<Article> articles = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir).sorted()) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("000")) {
          continue; // the January 2018 call: another event
        }
        String text = Files.readString(f, StandardCharsets.UTF_8);
        articles.add(
            Precis.defaults().prepare(RawArticle.ofText(f.getFileName().toString(), text)));
      }
    }
    docs = Precis.defaults().split(articles);
    sheet = Precis.defaults().facts(docs);
  }

  @Test
  void lateReportDatesItsWeekdaysByTheEventNotByPublication() {
    // 004 is published Friday 21 April; its "Wednesday" is the meeting day the others state
    assertThat(sheet.timeline()).noneMatch(t -> t.date().equals(LocalDate.of(2017, 4, 19)));
    List<DateMention> wednesdays =
        sheet.dates().stream()
            .filter(d -> d.mention().document() == 3 && d.text().contains("Wednesday"))
            .toList();
    assertThat(wednesdays).isNotEmpty();
    assertThat(wednesdays)
        .allMatch(d -> LocalDate.of(2017, 4, 12).equals(d.date()) && d.basis().equals("event"));
    // "a chemical weapons attack last week": the week of the 4 April attack
    assertThat(sheet.dates())
        .filteredOn(d -> d.mention().document() == 3 && d.text().equals("last week"))
        .extracting(DateMention::date)
        .containsOnly(LocalDate.of(2017, 4, 3));
  }

  static String cited(Citation c) {
    return docs.get(c.document()).article().text().substring(c.start(), c.end());
  }

  @Test
  void theMeetingIsOneEntryCitingEveryReport() {
    // 001: "... is to meet with Foreign Minister Sergei Lavrov on April 12."; 004: "While Lavrov
    // and Putin were less than welcoming to Tillerson on Wednesday, ..."
    List<TimelineEvent> meeting =
        sheet.timeline().stream()
            .filter(t -> t.date().equals(LocalDate.of(2017, 4, 12)))
            .filter(t -> t.citations().stream().anyMatch(c -> cited(c).contains("Lavrov")))
            .toList();
    assertThat(meeting).hasSize(1);
    assertThat(meeting.get(0).citations()).extracting(Citation::document).contains(0, 3);
    // the 11 April G7 talks: the two sentences naming the G7 meeting and its ministers are one
    // entry; "Gabriel ... during the April 11 talks in Lucca" shares one content term only and
    // stays apart (one shared term is too weak a sign on its own)
    assertThat(sheet.timeline())
        .filteredOn(t -> t.date().equals(LocalDate.of(2017, 4, 11)))
        .filteredOn(t -> t.citations().stream().anyMatch(c -> cited(c).contains("G7")))
        .singleElement()
        .satisfies(t -> assertThat(t.citations()).hasSize(2));
    // a day stated in different words by different happenings stays apart
    assertThat(Timeline.contentTerms("Tillerson met Lavrov in Moscow on Wednesday, April 12"))
        .doesNotContain("wednesday", "april", "12");
  }

  @Test
  void entriesKeepThePrecisionTheyWereStatedWithInEveryFormat() throws IOException {
    List<Article> articles = docs.stream().map(Document::article).toList();
    String text = FactSheetFormat.TEXT.render(sheet, articles);
    String markdown = FactSheetFormat.MARKDOWN.render(sheet, articles);
    // 004's "last week" (the week of the 4 April attack), "in January", "in 2003", "April 12"
    for (String rendered : List.of(text, markdown)) {
      assertThat(rendered)
          .contains("- week of 2017-04-03: ", "- 2017-01: ", "- 2003: ", "- 2017-04-12: ");
    }
    JsonNode timeline =
        new ObjectMapper().readTree(FactSheetFormat.JSON.render(sheet, articles)).get("timeline");
    assertThat(timeline)
        .anySatisfy(
            t -> {
              assertThat(t.get("granularity").asText()).isEqualTo("week");
              assertThat(t.get("label").asText()).isEqualTo("week of 2017-04-03");
              assertThat(t.get("firstDay").asText()).isEqualTo("2017-04-03");
            });
    assertThat(timeline).anyMatch(t -> t.get("granularity").asText().equals("month"));
    assertThat(timeline).anyMatch(t -> t.get("granularity").asText().equals("year"));
    assertThat(timeline)
        .anyMatch(
            t ->
                t.get("granularity").asText().equals("day")
                    && t.get("date").asText().equals("2017-04-12"));
  }
}
