package dev.precis.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.Precis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of every reader of outside input in ingest. The one allowed failure is
 * {@link InputException} (a one-line error); any other exception, a stack overflow, a hang or an
 * out-of-memory is a finding. {@code mvn verify} replays the committed seeds and past findings
 * under {@code src/test/resources/dev/precis/ingest/IngestFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes (see the README's fuzzing section).
 */
class IngestFuzzTest {
  private static final Precis PRECIS = Precis.defaults();

  private static final Limits LIMITS = Limits.defaults();

  @FuzzTest(maxDuration = "5m")
  void html(byte[] input) {
    String page = new String(input, StandardCharsets.UTF_8);
    try {
      PRECIS.prepare(
          new RawArticle("fuzz", page, RawArticle.Format.HTML, null, null, null, "fuzz"));
    } catch (InputException expected) {
      // refused with a one-line message
    }
  }

  @FuzzTest(maxDuration = "5m")
  void feed(byte[] input) {
    try (FeedArticles feed =
        FeedArticles.parse(input, "fuzz.rss", null, false, null, warning -> {})) {
      while (feed.hasNext()) {
        PRECIS.prepare(feed.next());
      }
    } catch (InputException expected) {
      // refused with a one-line message
    }
  }

  @FuzzTest(maxDuration = "5m")
  void warc(byte[] input) {
    try (WarcArticles warc =
        WarcArticles.open(new ByteArrayInputStream(input), "fuzz.warc", LIMITS, warning -> {})) {
      while (warc.hasNext()) {
        warc.next();
      }
    } catch (InputException expected) {
      // refused with a one-line message
    }
  }

  @FuzzTest(maxDuration = "5m")
  void jsonArticles(byte[] input) {
    readAs(input, "fuzz.json");
  }

  @FuzzTest(maxDuration = "5m")
  void jsonLines(byte[] input) {
    readAs(input, "fuzz.jsonl");
  }

  private static void readAs(byte[] input, String name) {
    try {
      List<RawArticle> raw = new ArticleReader(LIMITS, warning -> {}).fromBytes(input, "f", name);
      for (RawArticle r : raw) {
        PRECIS.prepare(r.withPlausibleDate(warning -> {}));
      }
    } catch (InputException expected) {
      // refused with a one-line message
    }
  }
}
