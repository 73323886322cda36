package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.precis.eval.rouge.Rouge;
import dev.precis.eval.rouge.RougeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README compares the default summarizer with the MultiLing 2011 participants' published
 * ROUGE-2 recall. That is fair only if our ROUGE, with the options MultiLing used, gives the
 * participants' own summaries the scores MultiLing published: this test re-scores them.
 */
class PublishedMultiLingScoresTest {
  private static final Path DATA = Shared.DATA.resolve("data/multiling2011-en");

  @Test
  void ourRougeReproducesThePublishedScoresOfTheBestParticipants() throws IOException {
    assertThat(meanRouge2Recall("ID3")).isCloseTo(0.17330, within(0.0005)); // JRC, best
    assertThat(meanRouge2Recall("ID2")).isCloseTo(0.17052, within(0.0005)); // CLASSY
  }

  private static double meanRouge2Recall(String peer) throws IOException {
    Rouge rouge = new Rouge(RougeOptions.parse("-n 2 -2 4 -u"));
    double sum = 0;
    int topics = 0;
    for (int t = 0; t < 10; t++) {
      String topic = "M00" + t;
      List<List<String>> references = new ArrayList<>();
      for (String model : new String[] {"A", "B", "C"}) {
        references.add(Files.readAllLines(DATA.resolve("models/" + topic + "." + model + ".250")));
      }
      List<String> summary = Files.readAllLines(DATA.resolve("peers/" + peer + "/" + topic));
      sum += rouge.score(summary, references).get("ROUGE-2").recall();
      topics++;
    }
    return sum / topics;
  }
}
