package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.ingest.RawArticle.Format;
import org.junit.jupiter.api.Test;

/** A document given as a bare string (batch mode, the summarize API) is sniffed for HTML. */
class RawArticleSniffTest {
  @Test
  void htmlFragmentsWithoutPageTagsAreHtml() {
    // found by QA: these reached the summary with their tags as "text"
    assertThat(
            Format.sniff(
                "<article><h1>Budget passes</h1><span>The council approved it.</span></article>"))
        .isEqualTo(Format.HTML);
    assertThat(Format.sniff("<script>alert(1)</script>The council voted on Monday."))
        .isEqualTo(Format.HTML);
    assertThat(Format.sniff("The mayor said the <b>money</b> would pay for teachers."))
        .isEqualTo(Format.HTML);
    assertThat(Format.sniff("<p class=\"lead\">The council voted on Monday."))
        .isEqualTo(Format.HTML);
    assertThat(Format.sniff("First line<br>second line")).isEqualTo(Format.HTML);
  }

  @Test
  void plainTextWithAngleBracketsStaysText() {
    assertThat(Format.sniff("Text with a < b comparison and x > y in it.")).isEqualTo(Format.TEXT);
    assertThat(Format.sniff("Shares rose <5% while bonds fell >2% on Monday."))
        .isEqualTo(Format.TEXT);
    assertThat(Format.sniff("The council voted on Monday.")).isEqualTo(Format.TEXT);
  }

  @Test
  void ofHtmlGoesThroughTheExtractorAsTheFacadeJavadocShows() {
    var article =
        dev.precis.Precis.defaults()
            .prepare(
                RawArticle.ofHtml(
                    "b",
                    "<html><head><title>Budget vote</title></head><body><p>The council voted on Monday to"
                        + " approve the new budget for the city schools, officials said.</p></body></html>"));
    assertThat(article.title()).isEqualTo("Budget vote");
    assertThat(article.text()).doesNotContain("<").contains("The council voted on Monday");
  }
}
