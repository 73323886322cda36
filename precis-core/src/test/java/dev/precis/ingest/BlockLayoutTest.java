package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BlockLayoutTest {
  private static final String PARAGRAPH =
      "<p>The council voted on Monday to close the bridge after engineers found cracks in two of"
          + " its piers, and residents said they would appeal the decision.</p>";

  @Test
  void placesEachBlockBesideTheBodysParagraphs() {
    PageBlocks page =
        PageBlocks.of(
            Jsoup.parse(
                "<body><header><h1>Bridge closes</h1><div class=dek><p>A short standfirst above"
                    + " the story.</p></div></header><article><div class=body>"
                    + PARAGRAPH
                    + PARAGRAPH
                    + "<p><a href=/r>Read the earlier story</a></p>"
                    + PARAGRAPH
                    + "<aside><ul><li><a href=/s>Share</a></li></ul></aside>"
                    + "</div></article></body>"));
    BlockLayout layout = page.layout();
    assertThat(page.blocks).hasSize(7);
    // headline and standfirst sit outside the paragraphs' parent, the paragraphs under it
    assertThat(layout.relation).containsExactly(2, 2, 0, 0, 0, 0, 1);
    assertThat(layout.withFirstProse).containsExactly(false, false, true, true, true, true, false);
    assertThat(layout.fromHeadline).containsExactly(0, 1, 2, 3, 4, 5, 6);
    // the link line is far shorter than the median paragraph; the share item sits deeper
    assertThat(layout.lengthRatio[2]).isZero();
    assertThat(layout.lengthRatio[4]).isLessThan(-1);
    assertThat(layout.depthDelta[2]).isZero();
    assertThat(layout.depthDelta[6]).isEqualTo(2);
  }

  @Test
  void aPageWithoutHeadlineOrProseHasNoMainParent() {
    PageBlocks page =
        PageBlocks.of(Jsoup.parse("<body><ul><li><a href=/a>Home</a></li><li>News</li></ul>"));
    BlockLayout layout = page.layout();
    assertThat(layout.relation).containsExactly(2, 2);
    assertThat(layout.fromHeadline).containsOnly(BlockLayout.NO_HEADLINE);
    assertThat(layout.lengthRatio).containsOnly(-8);
  }

  @Test
  void countsSentencesByTheirClosingPunctuationAndTheCapitalThatFollows() {
    int[] words = new int[BlockFeatures.SHORT_WORDS];
    assertThat(BlockFeatures.shape("It rained. Then it stopped! Prices rose 3.5 percent.", words)
            .sentences())
        .isEqualTo(3);
    assertThat(BlockFeatures.shape("Share this story", words).sentences()).isZero();
    assertThat(BlockFeatures.shape("\"He left.\" She stayed", words).sentences()).isEqualTo(1);
  }
}
