package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Repeated records, link-only lines, a rejected heading and repeated lines, cut after smoothing.
 */
class FurnitureCutsTest {
  private static final String ARTICLE =
      "<p>The council voted on Monday to close the old bridge to traffic for repairs.</p>"
          + "<p>Engineers said the work would take most of the year and cost more than planned.</p>"
          + "<p>Advertisement</p><p>Residents asked for a ferry while the bridge stays closed.</p>"
          + "<p><a href='/x'>Read more about the bridge</a></p><p>Advertisement</p>";

  private static String comment(String who, String text) {
    return "<div class='comment even'><div class='author'><a href='/u'>"
        + who
        + "</a></div><div class='date'>2 days ago at 07:52 am</div><div class='text'>"
        + text
        + "</div></div>";
  }

  private static final PageBlocks PAGE =
      PageBlocks.of(
          Jsoup.parse(
              "<body><div class='story'>"
                  + ARTICLE
                  + "</div><h2>Comments</h2><div class='comments'>"
                  + comment("ann", "A ferry would be a fine idea for the summer months.")
                  + comment("bob", "Repairs were overdue, the bridge shook under every bus.")
                  + comment("cy", "The cost keeps rising every time the council looks at it.")
                  + "</div></body>"));

  @Test
  void commentsFormARecordGroupAndArticleParagraphsNone() {
    int[] group = PAGE.records().groupSize;
    // six article blocks, the heading, then three comments of three blocks each
    assertThat(Arrays.copyOfRange(group, 0, 7)).containsOnly(0);
    assertThat(Arrays.copyOfRange(group, 7, 16)).containsOnly(3);
  }

  @Test
  void eachCutDropsItsFurnitureAndNothingElse() {
    assertThat(keptTexts(new FurnitureCuts(3, 2, false, false)))
        .contains("Advertisement", "Read more about the bridge")
        .noneMatch(t -> t.contains("ferry would"));
    assertThat(keptTexts(new FurnitureCuts(4, 2, false, false))).hasSize(15);
    assertThat(keptTexts(new FurnitureCuts(0, 0.5, false, false)))
        .doesNotContain("Read more about the bridge", "ann")
        .contains("Advertisement");
    assertThat(keptTexts(new FurnitureCuts(0, 2, true, false)))
        .noneMatch(t -> t.contains("ferry would"))
        .contains("Advertisement");
    assertThat(keptTexts(new FurnitureCuts(0, 2, false, true)))
        .doesNotContain("Advertisement")
        .contains("Read more about the bridge");
  }

  @Test
  void cutsThatWouldLeaveNoSentenceKeepTheText() {
    PageBlocks onlyComments =
        PageBlocks.of(
            Jsoup.parse(
                "<body><div class='comments'>"
                    + comment(
                        "ann",
                        "A ferry would be a fine idea, and it could run from May to the end of September.")
                    + comment(
                        "bob",
                        "Repairs were overdue, the bridge shook under every bus that crossed it last winter.")
                    + comment(
                        "cy", "The cost keeps rising every time the council looks at it again.")
                    + "</div></body>"));
    boolean[] kept = new boolean[onlyComments.blocks.size()];
    Arrays.fill(kept, true);
    new FurnitureCuts(3, 2, false, false).apply(onlyComments, kept);
    assertThat(kept).containsOnly(true);
  }

  /** Every block kept except the heading, then cut. */
  private static java.util.List<String> keptTexts(FurnitureCuts cuts) {
    boolean[] kept = new boolean[PAGE.blocks.size()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = !PAGE.blocks.get(i).text().equals("Comments");
    }
    cuts.apply(PAGE, kept);
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < kept.length; i++) {
      if (kept[i]) {
        out.add(PAGE.blocks.get(i).text());
      }
    }
    return out;
  }
}
