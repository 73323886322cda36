package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines repeated across pages of one site are dropped; articles and other sites are not. */
class SiteRepeatsTest {

  @Test
  void linesOnTwoPagesOfOneHostAreDroppedFromBoth() {
    List<String> kept =
        SiteRepeats.dropLines(
            List.of(
                "First article, paragraph one.\nAdvert\nFirst article, paragraph two.",
                "Second article opens here.\nAdvert\nSecond article goes on.\nMore to read."),
            List.of("example.com", "example.com"));
    assertThat(kept)
        .containsExactly(
            "First article, paragraph one.\nFirst article, paragraph two.",
            "Second article opens here.\nSecond article goes on.\nMore to read.");
  }

  @Test
  void otherHostsAndPagesWithoutHostAreLeftAlone() {
    List<String> texts = List.of("Body one.\nAdvert", "Body two.\nAdvert", "Body three.\nAdvert");
    assertThat(SiteRepeats.dropLines(texts, Arrays.asList("a.org", "b.org", null)))
        .isEqualTo(texts);
  }

  @Test
  void aCopyOfAPageKeepsItsText() {
    String article = "A long paragraph of the article.\nAnother long paragraph.\nShare";
    List<String> kept =
        SiteRepeats.dropLines(List.of(article, article), List.of("example.com", "example.com"));
    assertThat(kept).containsExactly(article, article);
  }

  @Test
  void hostComesFromTheCanonicalUrl() {
    assertThat(SiteRepeats.host("https://www.Example.com/2019/a.html")).isEqualTo("example.com");
    assertThat(SiteRepeats.host("http://news.example.com/x")).isEqualTo("news.example.com");
    assertThat(SiteRepeats.host(null)).isNull();
    assertThat(SiteRepeats.host("not a url")).isNull();
  }
}
