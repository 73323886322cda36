package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.precis.ingest.HtmlExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the README's extraction score: the 88 labelled pages in the shared data must keep F1 at or
 * above 0.97 (skipped where the shared data is absent).
 */
class ExtractionBenchmarkTest {
  private static final Path DATASET =
      Path.of(System.getProperty("precis.root", ".")).resolve("../shared/data/article-extraction");

  @Test
  void sharedDevelopmentPagesScoreAtLeast097() {
    assumeTrue(Files.isRegularFile(DATASET.resolve("ground-truth.json")), "no shared data");
    List<ExtractionEvaluation.Page> pages = ExtractionEvaluation.load(DATASET);
    HtmlExtractor extractor = new HtmlExtractor();
    ExtractionEvaluation.Result r =
        ExtractionEvaluation.run(pages, (html, url) -> extractor.extract(html, url).text());
    assertThat(r.scores().pages()).isEqualTo(88);
    assertThat(r.scores().f1()).isGreaterThanOrEqualTo(0.97);
  }
}
