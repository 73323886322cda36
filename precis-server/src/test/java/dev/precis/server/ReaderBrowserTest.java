package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.RawArticle;
import dev.precis.store.DatabaseUrl;
import dev.precis.store.Ingestor;
import dev.precis.store.StoryThreads;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web reader in a real headless Chromium (Debian's chromium and chromedriver): story list,
 * citation click highlighting the cited sentence, hostile article content, the ad-hoc form, the
 * story header's event days apart from its publication dates, the events timeline. Fails (never
 * skips) when Chromium is missing: CI installs it.
 */
class ReaderBrowserTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CHROMIUM = System.getProperty("precis.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      System.getProperty("precis.chromedriver", "/usr/bin/chromedriver");
  static final String HOSTILE_TITLE = "Budget <img src=x onerror=\"window.pwned=1\"> vote";
  static final String HOSTILE_TEXT =
      "The city council approved the budget <script>window.pwned=2</script> on Monday night.\n\n"
          + "Critics posted <a href=\"javascript:window.pwned=3\">a link</a> and "
          + "<img src=x onerror=window.pwned=4> markup in their comments.\n\n"
          + "The mayor said the budget keeps taxes flat for the third year.";

  @TempDir static Path dir;
  static TestServer server;
  static ChromeDriver browser;
  static long exampleStory;
  static long hostileStory;

  @BeforeAll
  static void start() {
    assertThat(new File(CHROMIUM))
        .as("Chromium is needed for the browser test (apt-get install chromium chromium-driver)")
        .canRead();
    assertThat(new File(CHROMEDRIVER))
        .as("chromedriver is needed for the browser test (apt-get install chromium-driver)")
        .canRead();
    server =
        new TestServer(DatabaseUrl.parse(dir.resolve("db").toString()), ServerConfig.defaults());
    Ingestor ingestor = new Ingestor(server.store, ServerConfig.defaults().options());
    for (RawArticle a : TestServer.example()) {
      exampleStory = ingestor.add(a, "example").storyId();
    }
    hostileStory =
        ingestor
            .add(
                new RawArticle(
                    "hostile",
                    HOSTILE_TEXT,
                    RawArticle.Format.TEXT,
                    HOSTILE_TITLE,
                    "javascript:window.pwned=5",
                    null,
                    "hostile"),
                "hostile")
            .storyId();
    // a second event in the example's story, undated: the timeline lists it last
    ingestor.add(
        RawArticle.ofText(
            "follow-up",
            "Officials met again to discuss the terms of the ceasefire. "
                + "No date was set for the next round of talks."),
        "example-follow-up");
    server.store.linkEvents(
        "example",
        List.of(
            new StoryThreads.EventLink("example", LocalDate.of(2017, 4, 12), null),
            StoryThreads.EventLink.open("example-follow-up")));
    ingestor.refreshSummaries();

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
        "--user-data-dir=" + dir.resolve("chromium-profile"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  @Test
  void citationHighlightsTheCitedSentenceInItsSource() throws Exception {
    browser.get(server.url("/"));
    WebElement link =
        waiting()
            .until(
                ExpectedConditions.elementToBeClickable(
                    By.cssSelector("li[data-story='" + exampleStory + "'] a.story-link")));
    assertThat(
            browser
                .findElement(By.cssSelector("li[data-story='" + exampleStory + "'] .meta"))
                .getText())
        .contains("5 articles");
    link.click();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.sentence button.cite")));

    JsonNode story = JSON.readTree(server.get("/api/stories/" + exampleStory).body());
    List<WebElement> markers = browser.findElements(By.cssSelector("button.cite"));
    assertThat(markers).isNotEmpty();
    // the last marker of the first sentence: a citation into another article when there is one
    List<WebElement> firstSentence =
        browser.findElements(By.cssSelector("#sentence-0 button.cite"));
    WebElement marker = firstSentence.get(firstSentence.size() - 1);
    int doc = Integer.parseInt(marker.getAttribute("data-doc"));
    int start = Integer.parseInt(marker.getAttribute("data-start"));
    int end = Integer.parseInt(marker.getAttribute("data-end"));
    marker.click();

    WebElement highlighted =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#article-reader .highlight")));
    String expected = story.get("documents").get(doc).get("text").asText().substring(start, end);
    assertThat(highlighted.getText().strip()).isEqualTo(expected.strip());
    assertThat(browser.findElements(By.cssSelector("#article-reader .highlight"))).hasSize(1);
    assertThat(browser.findElement(By.cssSelector(".sources li.current")).getAttribute("data-doc"))
        .isEqualTo(String.valueOf(doc));
    // the origin citation shows exactly the summary sentence
    browser.findElement(By.cssSelector("#sentence-0 button.cite")).click();
    String sentence = story.get("sentences").get(0).get("text").asText();
    assertThat(browser.findElement(By.cssSelector("#article-reader .highlight")).getText().strip())
        .isEqualTo(sentence.strip());
    screenshot("reader-story.png");

    // fact citations (quotes, figures, dates) highlight their own span, even inside a sentence
    List<WebElement> factMarkers = browser.findElements(By.cssSelector("#facts button.cite"));
    assertThat(factMarkers).isNotEmpty();
    WebElement fact = factMarkers.get(0);
    int fdoc = Integer.parseInt(fact.getAttribute("data-doc"));
    int fstart = Integer.parseInt(fact.getAttribute("data-start"));
    int fend = Integer.parseInt(fact.getAttribute("data-end"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", fact);
    fact.click();
    assertThat(browser.findElement(By.cssSelector("#article-reader .highlight")).getText().strip())
        .isEqualTo(
            story.get("documents").get(fdoc).get("text").asText().substring(fstart, fend).strip());
  }

  @Test
  void hostileArticleContentRunsNothing() throws Exception {
    browser.get(server.url("/#/story/" + hostileStory));
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.sentence button.cite")));
    assertThat(browser.findElement(By.id("story-title")).getText()).isEqualTo(HOSTILE_TITLE);
    browser.findElement(By.cssSelector("button.cite")).click();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#article-reader .highlight")));
    String reader = browser.findElement(By.id("article-reader")).getText();
    assertThat(reader)
        .contains("<script>window.pwned=2</script>")
        .contains("javascript:window.pwned=3");
    // markup shown as text: no element from the article exists in the page
    assertThat(browser.findElements(By.cssSelector("#app script, #app img, #article-reader a")))
        .isEmpty();
    // the javascript: URL is not a link
    assertThat(browser.findElements(By.cssSelector("a.original"))).isEmpty();
    for (WebElement a : browser.findElements(By.cssSelector("a"))) {
      String href = a.getAttribute("href");
      assertThat(href == null ? "" : href).doesNotStartWithIgnoringCase("javascript:");
    }
    browser.findElement(By.cssSelector(".sources a.source-open")).click();
    Object pwned =
        ((JavascriptExecutor) browser)
            .executeScript("return window.pwned === undefined ? null : window.pwned;");
    assertThat(pwned).as("script from article content ran").isNull();
    screenshot("reader-hostile.png");
  }

  @Test
  void pastedArticlesGetAnAdHocSummary() throws Exception {
    browser.get(server.url("/#/summarize"));
    WebElement text =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("adhoc-text")));
    List<RawArticle> example = TestServer.example();
    text.sendKeys(
        example.get(0).content().substring(0, Math.min(1500, example.get(0).content().length()))
            + "\n---\n"
            + example
                .get(1)
                .content()
                .substring(0, Math.min(1500, example.get(1).content().length())));
    // and one uploaded file
    Path upload = Files.list(TestServer.EXAMPLE).sorted().skip(2).findFirst().orElseThrow();
    browser.findElement(By.id("adhoc-files")).sendKeys(upload.toAbsolutePath().toString());
    browser.findElement(By.id("adhoc-submit")).click();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#adhoc-result p.sentence")));
    assertThat(browser.findElements(By.cssSelector("#adhoc-result .sources li"))).hasSize(3);
    browser.findElement(By.cssSelector("#adhoc-result button.cite")).click();
    assertThat(browser.findElements(By.cssSelector("#adhoc-result .highlight"))).hasSize(1);
    screenshot("reader-adhoc.png");
  }

  @Test
  void aStoryShowsItsEventsAsATimelineWithUndatedLast() throws Exception {
    browser.get(server.url("/#/story/" + exampleStory));
    List<WebElement> events =
        waiting()
            .until(
                ExpectedConditions.numberOfElementsToBe(By.cssSelector("#story-events .event"), 2));
    assertThat(events.get(0).findElement(By.tagName("time")).getText()).contains("2017");
    assertThat(events.get(0).getAttribute("class")).contains("current");
    assertThat(events.get(0).findElement(By.className("event-summary")).getText()).isNotBlank();
    assertThat(events.get(1).findElement(By.tagName("time")).getText()).isEqualTo("date unknown");
    events.get(1).findElement(By.tagName("a")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#story-events .event.current time"), "date unknown"));
  }

  @Test
  void missingStoryIsAPageAndUndatedStoriesSaySo() throws Exception {
    browser.get(server.url("/#/story/999999"));
    WebElement title =
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("story-title")));
    assertThat(title.getText()).isEqualTo("Story not found");
    assertThat(browser.findElement(By.cssSelector("#app a[href='#/']")).getText())
        .contains("All stories");
    browser.get(server.url("/"));
    WebElement meta =
        waiting()
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("li[data-story='" + hostileStory + "'] .meta")));
    // no article of it has a publication time: no ingest time passed off as one
    assertThat(meta.getText()).endsWith(" · publication date unknown");
    // nor a day of its one event: the story page says both are unknown, each by its name
    browser.get(server.url("/#/story/" + hostileStory));
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("story-title"), "Budget <img"));
    assertThat(browser.findElement(By.id("story-meta")).getText())
        .endsWith(" · event day unknown · publication date unknown");
  }

  @Test
  void theStoryHeaderTellsEventDaysFromPublicationDates() throws Exception {
    JsonNode story = JSON.readTree(server.get("/api/stories/" + exampleStory).body());
    // the example's articles as one event on the day of the Moscow meeting (linked above); of its
    // five articles only 004 says when it came out ("Published: Fri, April 21, 2017")
    List<String> days = new ArrayList<>();
    story
        .get("events")
        .forEach(e -> days.add(e.get("day").isNull() ? null : e.get("day").asText()));
    assertThat(days).containsExactly("2017-04-12", null);
    String published = story.get("firstSeen").asText();
    assertThat(published).isEqualTo("2017-04-21T00:00:00Z");
    assertThat(story.get("lastSeen").asText()).isEqualTo(published);

    browser.get(server.url("/#/story/" + exampleStory));
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#story-events .event.current[data-day='2017-04-12']")));
    WebElement meta = browser.findElement(By.id("story-meta"));
    WebElement eventDays = meta.findElement(By.className("event-days"));
    String firstDay =
        browser.findElement(By.cssSelector("#story-events .event.current time")).getText();
    // the days of the timeline below, not the publication date, under their own label
    assertThat(eventDays.getText()).isEqualTo("events " + firstDay + " (1 undated)");
    assertThat(datetimes(eventDays)).containsExactly("2017-04-12");
    WebElement publishedSpan = meta.findElement(By.className("published"));
    assertThat(publishedSpan.getText())
        .startsWith("published ")
        .contains("21")
        .doesNotContain(firstDay);
    assertThat(datetimes(publishedSpan)).containsExactly(published);
    List<String> outlets = new ArrayList<>();
    story.get("outlets").forEach(o -> outlets.add(o.asText()));
    assertThat(meta.getText())
        .isEqualTo(
            (outlets.isEmpty() ? "" : String.join(", ", outlets) + " · ")
                + "5 articles · "
                + eventDays.getText()
                + " · "
                + publishedSpan.getText());
    screenshot("reader-story-header.png");

    // the undated event of the same story: the story's event days again, its own articles undated
    browser.findElement(By.cssSelector("#story-events .event:not(.current) h3 a")).click();
    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#story-events .event.current[data-day='']")));
    WebElement undatedMeta = browser.findElement(By.id("story-meta"));
    assertThat(undatedMeta.findElement(By.className("event-days")).getText())
        .isEqualTo("events " + firstDay + " (1 undated)");
    assertThat(undatedMeta.findElement(By.className("published")).getText())
        .isEqualTo("publication date unknown");
  }

  static List<String> datetimes(WebElement span) {
    return span.findElements(By.tagName("time")).stream()
        .map(t -> t.getAttribute("datetime"))
        .toList();
  }

  static void screenshot(String name) throws Exception {
    Path target = Path.of("target");
    Files.createDirectories(target);
    File shot = browser.getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
