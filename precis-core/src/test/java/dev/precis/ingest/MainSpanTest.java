package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The last step of the learned extractor: threshold, then runs of kept blocks. */
class MainSpanTest {
  private static final PageBlocks PAGE =
      PageBlocks.of(
          Jsoup.parse(
              "<body><h1>Headline</h1><p>A first long paragraph of the article body.</p>"
                  + "<p>A second long paragraph of the article body.</p><div>Share</div>"
                  + "<div>Tweet</div><div>Email</div><div>Print</div>"
                  + "<p>Teaser.</p></body>"));

  @Test
  void blocksAtTheThresholdAreKeptAndTheHeadlineNever() {
    double[] p = {0.9, 0.9, 0.8, 0.1, 0.1, 0.1, 0.1, 0.6};
    assertThat(new MainSpan(0.5, 3, 0).keep(PAGE, p))
        .containsExactly(false, true, true, false, false, false, false, true);
    assertThat(new MainSpan(0.7, 3, 0).keep(PAGE, p))
        .containsExactly(false, true, true, false, false, false, false, false);
  }

  @Test
  void aSmallRunFarFromTheLargestIsDropped() {
    double[] p = {0.9, 0.9, 0.8, 0.1, 0.1, 0.1, 0.1, 0.6};
    // four dropped blocks part the teaser from the article: a run of its own, and a small one
    assertThat(new MainSpan(0.5, 3, 0.25).keep(PAGE, p))
        .containsExactly(false, true, true, false, false, false, false, false);
    // with a wider gap allowed it joins the article's run and stays
    assertThat(new MainSpan(0.5, 4, 0.25).keep(PAGE, p))
        .containsExactly(false, true, true, false, false, false, false, true);
  }

  @Test
  void aPageTheModelDoubtsKeepsItsMostLikelyBlocks() {
    double[] p = {0.9, 0.3, 0.35, 0.1, 0.1, 0.1, 0.1, 0.05};
    assertThat(new MainSpan(0.5, 3, 0).keep(PAGE, p))
        .containsExactly(false, true, true, false, false, false, false, false);
  }
}
