package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Metadata from the places publishers declare it. */
class PageMetadataTest {
  private static final HtmlExtractor EXTRACTOR = new HtmlExtractor();

  private static ExtractedPage page(String head, String body) {
    return EXTRACTOR.extract(
        "<html lang=\"de-AT\"><head>" + head + "</head><body>" + body + "</body></html>",
        "https://www.example.org/news/1?utm=x");
  }

  @Test
  void jsonLdInAGraphGivesAuthorsDateAndPublisher() {
    ExtractedPage p =
        page(
            "<title>Floods close the valley road - Example News</title>"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
                + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example\"},"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Floods close the valley road\","
                + "\"datePublished\":\"2021-03-04T05:06:07+01:00\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"},{\"name\":\"Bo Li\"}],"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example News\"}}]}"
                + "</script>",
            "<p>Text.</p>");
    assertThat(p.title()).isEqualTo("Floods close the valley road");
    assertThat(p.author()).isEqualTo("Ana Ruiz, Bo Li");
    assertThat(p.published()).isEqualTo(Instant.parse("2021-03-04T04:06:07Z"));
    assertThat(p.outlet()).isEqualTo("Example News");
    assertThat(p.language()).isEqualTo("de");
  }

  @Test
  void openGraphAndArticleMetaTagsWin() {
    ExtractedPage p =
        page(
            "<meta property=\"og:title\" content=\"Storm warning | The Daily Example\">"
                + "<meta property=\"og:site_name\" content=\"The Daily Example\">"
                + "<meta property=\"article:published_time\" content=\"2019-11-19T13:45:00-0500\">"
                + "<meta name=\"author\" content=\"By Jane Doe\">"
                + "<link rel=\"canonical\" href=\"/news/storm-warning\">",
            "<p>Text.</p>");
    assertThat(p.title()).isEqualTo("Storm warning");
    assertThat(p.outlet()).isEqualTo("The Daily Example");
    assertThat(p.published()).isEqualTo(Instant.parse("2019-11-19T18:45:00Z"));
    assertThat(p.author()).isEqualTo("Jane Doe");
    assertThat(p.url()).isEqualTo("https://www.example.org/news/storm-warning");
  }

  @Test
  void withoutMetaTagsTheTitleTimeAndBylineElementsAreUsed() {
    ExtractedPage p =
        page(
            "<title>Council approves budget | Town Crier</title>",
            "<h1>Council approves budget</h1>"
                + "<div class=\"byline\">By Sam Poe @sampoe Nov 18, 2019 at 9:24 pm</div>"
                + "<time datetime=\"2019-11-18\">Monday</time><p>Text.</p>");
    assertThat(p.title()).isEqualTo("Council approves budget");
    assertThat(p.author()).isEqualTo("Sam Poe");
    assertThat(p.published()).isEqualTo(Instant.parse("2019-11-18T00:00:00Z"));
    assertThat(p.outlet()).isEqualTo("example.org");
    assertThat(p.url()).isEqualTo("https://www.example.org/news/1?utm=x");
  }

  @Test
  void brokenJsonLdAndPlaceholderDatesAreIgnored() {
    ExtractedPage p =
        page(
            "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", oops</script>"
                + "<meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\">"
                + "<meta property=\"og:locale\" content=\"fr_FR\">",
            "<p>Text.</p>");
    assertThat(p.published()).isNull();
    assertThat(p.author()).isNull();
    assertThat(p.language()).isEqualTo("de"); // <html lang> comes before og:locale
  }

  @Test
  void siteNamesAreStrippedFromEitherEndOfTitles() {
    assertThat(PageMetadata.stripSiteName("Storm warning - BBC News", "BBC News"))
        .isEqualTo("Storm warning");
    assertThat(PageMetadata.stripSiteName("BBC News - Storm warning", "BBC"))
        .isEqualTo("Storm warning");
    assertThat(PageMetadata.stripSiteName("Q&A: what a win means - for now", null))
        .isEqualTo("Q&A: what a win means - for now");
    assertThat(PageMetadata.stripSiteName("Headline here | Sports | Site", null))
        .isEqualTo("Headline here");
  }

  @Test
  void dateFormatsPublishersUse() {
    assertThat(PageMetadata.parseDate("2019-11-19T13:45:00Z")).isEqualTo("2019-11-19T13:45:00Z");
    assertThat(PageMetadata.parseDate("2019-11-19T13:45:00.123+01:00"))
        .isEqualTo("2019-11-19T12:45:00.123Z");
    assertThat(PageMetadata.parseDate("2019-11-19 13:45")).isEqualTo("2019-11-19T13:45:00Z");
    assertThat(PageMetadata.parseDate("Tue, 19 Nov 2019 13:45:00 GMT"))
        .isEqualTo("2019-11-19T13:45:00Z");
    assertThat(PageMetadata.parseDate("20191119")).isEqualTo("2019-11-19T00:00:00Z");
    assertThat(PageMetadata.parseDate("yesterday")).isNull();
  }

  @Test
  void accountNamesAndHandlesAreNoAuthors() {
    assertThat(page("<meta name=\"author\" content=\"admin\">", "<p>Text.</p>").author()).isNull();
    assertThat(page("<meta name=\"author\" content=\"@newsdesk\">", "<p>Text.</p>").author())
        .isNull();
  }
}
