package dev.precis.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {

  @Test
  void treesLearnAnInteractionNoLinearModelCan() {
    // label = (a > 0.5) xor (b > 0.5): a linear score over a and b is right half of the time
    Random random = new Random(7);
    int n = 2000;
    float[][] x = new float[n][];
    boolean[] y = new boolean[n];
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      float a = random.nextFloat();
      float b = random.nextFloat();
      x[i] = new float[] {a, b, random.nextFloat()};
      y[i] = a > 0.5 ^ b > 0.5;
      w[i] = 1;
    }
    BoostedTrees trees = new BoostedTreesTrainer(50, 3, 0.3, 1.0, 1.0).fit(x, y, w);
    int right = 0;
    for (int i = 0; i < n; i++) {
      right += trees.score(x[i]) > 0 == y[i] ? 1 : 0;
    }
    assertThat(right).isGreaterThan(n * 95 / 100);
  }

  @Test
  void treesSurviveWritingAndReading() throws IOException {
    float[][] x = {{0}, {1}, {2}, {3}};
    BoostedTrees trees =
        new BoostedTreesTrainer(5, 2, 0.5, 0.01, 1.0)
            .fit(x, new boolean[] {false, false, true, true}, new float[] {1, 1, 1, 1});
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trees.write(new DataOutputStream(bytes));
    BoostedTrees read =
        BoostedTrees.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), 1);
    for (float[] v : x) {
      assertThat(read.score(v)).isEqualTo(trees.score(v));
    }
    assertThat(trees.score(x[3])).isGreaterThan(trees.score(x[0]));
  }

  @Test
  void repeatedUnitsAreToldFromParagraphsOfOneContainer() {
    String html =
        "<body><div class=body><p>One paragraph.</p><p>Two paragraph.</p><p>Three.</p></div>"
            + "<div class=comment><div class=text>First comment.</div></div>"
            + "<div class=comment><div class=text>Second comment.</div></div>"
            + "<div class=comment><div class=text>Third comment.</div></div></body>";
    PageBlocks page = PageBlocks.of(Jsoup.parse(html));
    TemplateRepeats t = page.templates();
    // the paragraphs share one parent; each comment sits in a unit of its own
    assertThat(t.parents[0]).isEqualTo(1);
    assertThat(t.blocks[0]).isEqualTo(3);
    assertThat(t.parents[3]).isEqualTo(3);
  }
}
