package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
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

/** The fact sheet of the bundled example story (five articles about Tillerson and Lavrov). */
class FactExtractorTest {
  static List<Document> docs;
  static FactSheet sheet;

  @BeforeAll
  static void extract() throws IOException {
    Path dir =
        Path.of(System.getProperty("precis.root", ".")).resolve("examples/tillerson-lavrov-2017");
    List<Article> articles = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir).sorted()) {
      for (Path f : files.toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        articles.add(
            Precis.defaults().prepare(RawArticle.ofText(f.getFileName().toString(), text)));
      }
    }
    docs = Precis.defaults().split(articles);
    sheet = Precis.defaults().facts(docs);
  }

  static Entity entity(String form) {
    return sheet.entities().stream()
        .filter(e -> e.forms().contains(form) || e.name().equals(form))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + form));
  }

  @Test
  void mergesSpellingsAndLoneSurnames() {
    assertThat(entity("Sergey Lavrov").forms()).contains("Sergei Lavrov", "Lavrov");
    assertThat(entity("Sergey Lavrov").type()).isEqualTo(EntityType.PERSON);
    assertThat(entity("Bashar Assad").forms())
        .contains("Bashar al-Assad", "Bashar Al-Assad", "Assad");
    // "Rex Wayne Tillerson" only occurred inside The Hill's hover-card, which the cleaner removes
    assertThat(entity("Rex Tillerson").forms()).contains("Tillerson");
    assertThat(entity("Russia").forms()).contains("Russian Federation");
    assertThat(entity("United States").forms()).contains("U.S.", "US");
  }

  @Test
  void neverMergesPeopleWhoShareOnlyAFirstName() {
    assertThat(entity("Vladimir Putin")).isNotEqualTo(entity("Vladimir Safronkov"));
    assertThat(entity("Vladimir Putin").forms()).doesNotContain("Vladimir Safronkov", "Vladimir");
    assertThat(entity("Sergey Lavrov").forms()).doesNotContain("Sergei Ryabkov");
  }

  @Test
  void keepsRolesAsStated() {
    assertThat(entity("Sergey Lavrov").roles()).contains("Russian Foreign Minister");
    assertThat(entity("Sean Spicer").roles()).contains("White House spokesman");
    assertThat(entity("Vladimir Safronkov").roles())
        .contains("Russian Deputy Permanent Representative to the United Nations");
  }

  @Test
  void headlinesAndGluedWordsMakeNoNames() {
    assertThat(sheet.entities()).noneMatch(e -> e.name().contains("TillersonRex"));
    assertThat(sheet.entities()).noneMatch(e -> e.name().equals("Putin Lashes Out"));
    assertThat(sheet.entities()).noneMatch(e -> e.name().endsWith("-backed"));
  }

  @Test
  void deathTollIsADisagreement() {
    FigureGroup deaths =
        sheet.disagreements().stream()
            .filter(g -> g.category().equals("deaths"))
            .findFirst()
            .orElseThrow();
    assertThat(deaths.figures())
        .extracting(Figure::text)
        .contains("dozens", "more than 80", "at least 87", "nearly 20");
    assertThat(deaths.conflicts()).anyMatch(c -> c.contains("nearly 20"));
    Figure nearly =
        deaths.figures().stream()
            .filter(f -> f.text().equals("nearly 20"))
            .findFirst()
            .orElseThrow();
    assertThat(nearly.range().toString()).isEqualTo("[17, 20)");
    assertThat(nearly.citation().document()).isEqualTo(0);
  }

  @Test
  void quotesHaveSpeakers() {
    assertThat(sheet.quotes())
        .anyMatch(
            q -> "Sean Spicer".equals(q.speaker()) && q.text().startsWith("They have aligned"));
    assertThat(sheet.quotes())
        .anyMatch(q -> "Sergey Lavrov".equals(q.speaker()) && q.text().startsWith("We also saw"));
    // "he said" after "German Foreign Minister Sigmar Gabriel said ..."
    assertThat(sheet.quotes())
        .anyMatch(q -> "Sigmar Gabriel".equals(q.speaker()) && q.text().startsWith("Not everyone"));
  }

  @Test
  void datesResolveAgainstTheDateLineOrTheStoryYear() {
    assertThat(sheet.timeline()).anyMatch(t -> t.date().equals(LocalDate.of(2017, 4, 4)));
    assertThat(sheet.timeline()).anyMatch(t -> t.date().equals(LocalDate.of(2017, 4, 12)));
    // the fifth article has no metadata, only "Published: Fri, April 21, 2017"; it reports the
    // meeting the others date 12 April, so its "on Wednesday" is that day, not 19 April
    assertThat(docs.get(4).article().published()).isNotNull();
    assertThat(sheet.dates())
        .anyMatch(
            d ->
                d.mention().document() == 4
                    && d.text().equals("on Wednesday")
                    && LocalDate.of(2017, 4, 12).equals(d.date()));
    // the first has no date at all: its weekdays stay unresolved
    assertThat(sheet.dates()).anyMatch(d -> d.mention().document() == 0 && d.date() == null);
  }

  @Test
  void everyFactIsCited() {
    String text0 = docs.get(0).article().text();
    assertThat(sheet.entities()).allMatch(e -> !e.citations().isEmpty());
    assertThat(sheet.quotes()).allMatch(q -> !q.citations().isEmpty());
    for (Quote q : sheet.quotes()) {
      assertThat(q.citations())
          .anyMatch(
              c ->
                  docs.get(c.document())
                      .article()
                      .text()
                      .substring(c.start(), c.end())
                      .contains(q.text()));
    }
    assertThat(text0).isNotEmpty();
  }
}
