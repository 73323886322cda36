package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.eval.ExtractionEvaluation;
import dev.precis.eval.ShingleMatch;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rule-based main-text method ({@code --extractor rules}) on real news pages from the
 * article-extraction benchmark and on small pages that pin down its rules. Metadata does not depend
 * on the method: {@link HtmlExtractorTest} covers it.
 */
class RuleBasedExtractorTest {
  private static final HtmlExtractor EXTRACTOR = new HtmlExtractor(HtmlExtractor.Method.RULES);
  private static Map<String, ExtractionEvaluation.Page> pages;

  @BeforeAll
  static void load() throws URISyntaxException {
    Path dir = Path.of(RuleBasedExtractorTest.class.getResource("/extract").toURI());
    pages =
        ExtractionEvaluation.load(dir).stream()
            .collect(Collectors.toMap(p -> p.id().substring(0, 8), Function.identity()));
  }

  private static ExtractedPage extract(String id) {
    ExtractionEvaluation.Page p = pages.get(id);
    return EXTRACTOR.extract(p.html(), p.url());
  }

  private static double f1(String id, String text) {
    ShingleMatch.Counts c = ShingleMatch.compare(pages.get(id).truth(), text);
    return 2 * c.precision() * c.recall() / (c.precision() + c.recall());
  }

  @Test
  void everyFixtureIsExtractedCloseToTheHumanMarkedBody() {
    for (String id : pages.keySet()) {
      assertThat(f1(id, extract(id).text())).as(id).isGreaterThan(0.9);
    }
  }

  @Test
  void subheadingsStayAndCaptionsGo() {
    String text = extract("05844573").text();
    assertThat(text.lines()).contains("NISSAN SENTRA");
    assertThat(text).startsWith("New electric vehicles, several new small SUVs");
    assertThat(text.lines()).doesNotContain("Caption");
  }

  @Test
  void embeddedTweetsAreArticleTextButTheNewsletterPromptIsNot() {
    String text = extract("3f65af7b").text();
    assertThat(text).contains("Yes this is real and yes the state spent nearly half a million");
    assertThat(text).contains("— Governor Kristi Noem (@govkristinoem) November 18, 2019");
  }

  @Test
  void hoverCardsAreRemovedButTheNameTheyHangOnStays() {
    String text = extract("6ebac05f").text();
    assertThat(text).contains("threatened to kill Rep. Ilhan Omar (D-Minn.)");
    assertThat(text).doesNotContain("Hillicon Valley");
  }

  @Test
  void linksWhoseIdsMentionTagsAreKeptInsideSentences() {
    String text = extract("3d8f3404").text();
    assertThat(text).contains("Oscar-winning actress Mary Steenburgen came to co-write");
    assertThat(text).contains("that Jessie Buckley performs at the end of “Wild Rose”");
  }

  @Test
  void plainTextWithoutTagsIsKept() {
    String text = "A page without markup. It still has a sentence, and another one.";
    assertThat(EXTRACTOR.extract(text, null).text()).isEqualTo(text);
  }

  @Test
  void navigationShareBarsAndRelatedLinksAreDropped() {
    String html =
        "<html><body><nav><a href=/a>Home</a> <a href=/b>World</a></nav>"
            + "<article><h1>Headline</h1><div class=\"share-bar\"><a href=/s>Share</a></div>"
            + "<p>First paragraph of the story, long enough to be article text, with commas, "
            + "clauses, and a full stop.</p>"
            + "<h2>A subheading</h2>"
            + "<p>Second paragraph of the story, again long enough, with commas, clauses, and "
            + "more words to read.</p>"
            + "<p><a href=/x>Read more: another story entirely</a></p>"
            + "<div class=\"related-stories\"><ul><li><a href=/r1>Related one</a></li>"
            + "<li><a href=/r2>Related two</a></li></ul></div>"
            + "<p>Advertisement</p></article><footer>(c) Example 2019</footer></body></html>";
    assertThat(EXTRACTOR.extract(html, null).text().lines().toList())
        .containsExactly(
            "First paragraph of the story, long enough to be article text, with commas, clauses,"
                + " and a full stop.",
            "A subheading",
            "Second paragraph of the story, again long enough, with commas, clauses, and more"
                + " words to read.");
  }

  @Test
  void linkOnlyLinesToTheSameSiteAreTeasersButLinksElsewhereAreSources() {
    String body =
        "<article><p>The first paragraph of the story is long enough, with commas, clauses, and"
            + " words, to be the article text here.</p><p><a"
            + " href=\"https://www.example.com/other-story\">Another story on this"
            + " site</a></p><p><a href=\"https://www.engadget.com/review\">[ Engadget"
            + " ]</a></p><p>The second paragraph of the story is also long enough, with commas,"
            + " clauses, and words, to count.</p></article>";
    List<String> lines =
        EXTRACTOR.extract(body, "https://example.com/news/story").text().lines().toList();
    assertThat(lines).contains("[ Engadget ]").doesNotContain("Another story on this site");
  }

  @Test
  void sitesOfUrls() {
    assertThat(ElementShapes.siteOf("https://www.nj.com/a/b")).isEqualTo("nj.com");
    assertThat(ElementShapes.siteOf("https://news.bbc.co.uk/x")).isEqualTo("bbc.co.uk");
    assertThat(ElementShapes.siteOf("http://www.autoracing.com.br/"))
        .isEqualTo("autoracing.com.br");
    assertThat(ElementShapes.siteOf("not a url")).isNull();
    assertThat(ElementShapes.siteOf(null)).isNull();
  }

  @Test
  void commentaryIsAnArticleButACommentThreadIsNot() {
    String html =
        "<body><div class=\"commentary-body\"><p>The first paragraph of the opinion piece, long"
            + " enough, with commas, clauses, and words, to be article text.</p><p>The second"
            + " paragraph of the opinion piece, also long enough, with commas, and words.</p>"
            + "</div><div class=\"comments\"><p>First! This comment thread is not part of the"
            + " article, whatever its length, commas, or words.</p></div></body>";
    String text = EXTRACTOR.extract(html, null).text();
    assertThat(text).contains("The first paragraph of the opinion piece").doesNotContain("First!");
  }

  @Test
  void hiddenMenusGoButAnArticleHiddenUntilScriptsRunStays() {
    String html =
        "<body><div style=\"display: none\"><p>Sign in to your account to continue.</p></div>"
            + "<div id=\"story\" style=\"display:none\"><p>The first paragraph of the story is"
            + " long enough, with commas, clauses, and words, to be the article.</p><p>The second"
            + " paragraph is long enough too, with commas, clauses, and more words.</p></div>"
            + "</body>";
    String text = EXTRACTOR.extract(html, null).text();
    assertThat(text).contains("The first paragraph").doesNotContain("Sign in");
  }

  @Test
  void aShortBriefIsNotPaddedWithThePageAroundIt() {
    String html =
        "<body><div class=\"top\"><span>Weather: 12°C, cloudy over the city today</span></div>"
            + "<article><p>The council voted on Monday to close the old bridge to cars, starting"
            + " in March, after engineers found cracks in two of its piers.</p></article>"
            + "<div class=\"list\"><div>Five things to do this weekend in town</div>"
            + "<div>Schools reopen after the storm, officials say</div></div></body>";
    assertThat(EXTRACTOR.extract(html, null).text())
        .isEqualTo(
            "The council voted on Monday to close the old bridge to cars, starting in March,"
                + " after engineers found cracks in two of its piers.");
  }

  @Test
  void methodsAreNamedCaseInsensitivelyAndUnknownNamesAreRefused() {
    assertThat(HtmlExtractor.Method.named(" Rules ")).isEqualTo(HtmlExtractor.Method.RULES);
    assertThat(HtmlExtractor.Method.named("learned")).isEqualTo(HtmlExtractor.Method.LEARNED);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HtmlExtractor.Method.named("magic"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown extractor 'magic': use rules or learned");
  }
}
