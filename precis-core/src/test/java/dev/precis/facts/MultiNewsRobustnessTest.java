package dev.precis.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.Precis;
import dev.precis.format.FactSheetFormat;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Fact sheets of real, messy clusters (Multi-News validation: lower-cased, tokenised) never fail.
 */
class MultiNewsRobustnessTest {
  @Test
  void everyClusterGetsAFactSheetAndItsJson() throws IOException {
    Path file =
        Path.of(System.getProperty("precis.root", "."))
            .resolve("../shared/data/multinews-val.jsonl.gz");
    Assumptions.assumeTrue(Files.isRegularFile(file), "shared Multi-News data not present");
    ObjectMapper json = new ObjectMapper();
    int clusters = 0;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null && clusters < 150; clusters++) {
        List<Article> articles = new ArrayList<>();
        int i = 0;
        for (JsonNode d : json.readTree(line).get("documents")) {
          articles.add(Precis.defaults().prepare(RawArticle.ofText("d" + i++, d.asText())));
        }
        FactSheet sheet = Precis.defaults().facts(Precis.defaults().split(articles));
        assertThat(FactSheetFormat.toJson(sheet).has("figures")).isTrue();
        assertThat(FactSheetFormat.MARKDOWN.render(sheet, articles)).startsWith("## Fact sheet");
      }
    }
    assertThat(clusters).isEqualTo(150);
  }
}
