package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a labelled data set: gold texts lose the comments a set marks after the article. */
class ExtractionEvaluationTest {
  @TempDir Path dir;

  @Test
  void dragnetCommentsAreLeftOutOfTheGoldUnlessAskedFor() throws IOException {
    Files.createDirectories(dir.resolve("html"));
    Files.writeString(dir.resolve("html/a.html"), "<p>The article.</p><p>A comment.</p>");
    Files.writeString(dir.resolve("html/b.html"), "<p>Another article.</p>");
    Files.writeString(
        dir.resolve("ground-truth.json"),
        "{\"a\": {\"articleBody\": \"The article.\\n"
            + ExtractionEvaluation.DRAGNET_COMMENTS.replace("\\", "\\\\")
            + "\\nA comment.\", \"set\": \"dragnet\"},"
            + " \"b\": {\"articleBody\": \"Another article.\"}}");

    assertThat(ExtractionEvaluation.load(dir))
        .extracting(ExtractionEvaluation.Page::truth)
        .containsExactly("The article.", "Another article.");
    assertThat(ExtractionEvaluation.load(dir, true).get(0).truth())
        .startsWith("The article.")
        .endsWith("A comment.");
  }
}
