package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockModelTrainerTest {
  private static final String[] WORDS =
      ("the council voted on monday to close bridge after engineers found cracks in two piers"
              + " residents said they would appeal while the mayor promised a new crossing by"
              + " spring and a ferry service for commuters who cross the river every day")
          .split(" ");

  @Test
  void segmentationCutsBlocksAndCountsLinkText() {
    PageBlocks page =
        PageBlocks.of(
            Jsoup.parse(
                "<body><script>var x = 1;</script><p>First <b>bold</b>   words.</p>"
                    + "<ul><li><a href=/a>Home</a></li><li>Plain <a href=/b>link</a></li></ul>"
                    + "<div>line one<br>line two</div></body>"));
    assertThat(page.blocks.stream().map(PageBlocks.Block::text))
        .containsExactly("First bold words.", "Home", "Plain link", "line one", "line two");
    assertThat(page.blocks.get(1).linkChars()).isEqualTo(page.blocks.get(1).chars());
    assertThat(page.blocks.get(2).linkChars()).isEqualTo(4);
  }

  @Test
  void aModelTrainedOnPagesKeepsTheArticleAndDropsTheFurnitureOfANewPage(@TempDir Path dir)
      throws Exception {
    Random random = new Random(7);
    List<BlockModelTrainer.LabelledPage> pages = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      List<String> paragraphs = paragraphs(random);
      pages.add(
          BlockModelTrainer.prepare(page(paragraphs, random), null, String.join("\n", paragraphs)));
    }
    BlockModel model = BlockModelTrainer.train(pages, 1);
    List<String> unseen = paragraphs(random);
    String html = page(unseen, random);
    HtmlExtractor extractor = new HtmlExtractor(model);
    assertThat(extractor.extract(html, null).text()).isEqualTo(String.join("\n", unseen));

    // The saved model reads back to the same judgements.
    Path file = dir.resolve("model.bin.gz");
    model.save(file);
    BlockModel read;
    try (InputStream in = Files.newInputStream(file)) {
      read = BlockModel.read(in);
    }
    PageBlocks blocks = PageBlocks.of(Jsoup.parse(html));
    assertThat(read.probabilities(blocks)).containsExactly(model.probabilities(blocks));
  }

  @Test
  void trainingIsReproducible() {
    Random random = new Random(3);
    List<BlockModelTrainer.LabelledPage> pages = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<String> paragraphs = paragraphs(random);
      pages.add(
          BlockModelTrainer.prepare(page(paragraphs, random), null, String.join("\n", paragraphs)));
    }
    BlockModel a = BlockModelTrainer.train(pages, 5);
    BlockModel b = BlockModelTrainer.train(pages, 5);
    assertThat(a.blockWeights).containsExactly(b.blockWeights);
    PageBlocks blocks = pages.get(0).blocks;
    assertThat(a.probabilities(blocks)).containsExactly(b.probabilities(blocks));
  }

  @Test
  void aModelWithTheRefiningStageReadsBackToTheSameJudgements(@TempDir Path dir) throws Exception {
    Random random = new Random(11);
    List<BlockModelTrainer.LabelledPage> pages = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      List<String> paragraphs = paragraphs(random);
      pages.add(
          BlockModelTrainer.prepare(page(paragraphs, random), null, String.join("\n", paragraphs)));
    }
    BlockModel model = BlockModelTrainer.train(pages, 2, true);
    assertThat(model.refine).isNotNull();
    Path file = dir.resolve("refined.bin.gz");
    model.save(file);
    BlockModel read;
    try (InputStream in = Files.newInputStream(file)) {
      read = BlockModel.read(in);
    }
    PageBlocks blocks = pages.get(0).blocks;
    assertThat(read.refine).isNotNull();
    assertThat(read.probabilities(blocks)).containsExactly(model.probabilities(blocks));
    assertThat(read.probabilities(blocks, false))
        .containsExactly(model.probabilities(blocks, false));
  }

  private static List<String> paragraphs(Random random) {
    List<String> out = new ArrayList<>();
    int n = 3 + random.nextInt(4);
    for (int p = 0; p < n; p++) {
      StringBuilder sb = new StringBuilder();
      int words = 18 + random.nextInt(20);
      for (int w = 0; w < words; w++) {
        String word = WORDS[random.nextInt(WORDS.length)];
        sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        sb.append(w == words - 1 ? "." : w % 7 == 6 ? ", " : " ");
      }
      out.add(sb.toString());
    }
    return out;
  }

  private static String page(List<String> paragraphs, Random random) {
    StringBuilder sb = new StringBuilder("<html><body><nav><ul>");
    for (int i = 0; i < 4 + random.nextInt(4); i++) {
      sb.append("<li><a href=/s").append(i).append(">Section ").append(i).append("</a></li>");
    }
    sb.append("</ul></nav><div class=story><h1>Bridge closes</h1>");
    for (String p : paragraphs) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("</div><div class=related><ul>");
    for (int i = 0; i < 3; i++) {
      sb.append("<li><a href=/r").append(i).append(">Other story ").append(i).append("</a></li>");
    }
    return sb.append("</ul></div><footer>Copyright Example News</footer></body></html>").toString();
  }
}
