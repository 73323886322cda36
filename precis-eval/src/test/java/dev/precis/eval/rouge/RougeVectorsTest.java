package dev.precis.eval.rouge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every test vector produced with the official ROUGE-1.5.5 script must be reproduced: all R, P and
 * F of ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-SU4, to 5 decimals.
 */
class RougeVectorsTest {
  static final Path SHARED =
      Path.of(System.getProperty("precis.root", ".")).resolve("../shared").normalize();

  @Test
  void reproducesEveryVectorOfTheOfficialScript() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Rouge> byOptions = new HashMap<>();
    List<String> mismatches = new ArrayList<>();
    int vectors = 0;
    int values = 0;
    try (BufferedReader in =
        Files.newBufferedReader(
            SHARED.resolve("data/rouge-vectors.jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode v = json.readTree(line);
        String flags = v.get("rouge_options").asText() + " -f A -p 0.5";
        Rouge rouge = byOptions.computeIfAbsent(flags, f -> new Rouge(RougeOptions.parse(f)));
        List<String> candidate = strings(v.get("candidate"));
        List<List<String>> references = new ArrayList<>();
        for (JsonNode r : v.get("references")) {
          references.add(strings(r));
        }
        Map<String, RougeScore> got = rouge.score(candidate, references);
        Iterator<Map.Entry<String, JsonNode>> metrics = v.get("scores").fields();
        while (metrics.hasNext()) {
          Map.Entry<String, JsonNode> e = metrics.next();
          RougeScore s = got.get(e.getKey());
          assertThat(s).as(v.get("id").asText() + " " + e.getKey()).isNotNull();
          double[] mine = {s.recall(), s.precision(), s.f1()};
          String[] keys = {"R", "P", "F"};
          for (int k = 0; k < 3; k++) {
            values++;
            double want = e.getValue().get(keys[k]).asDouble();
            if (Math.abs(mine[k] - want) > 0.5e-5) {
              mismatches.add(
                  v.get("id").asText()
                      + " "
                      + e.getKey()
                      + " "
                      + keys[k]
                      + ": want "
                      + want
                      + " got "
                      + mine[k]);
            }
          }
        }
        vectors++;
      }
    }
    assertThat(vectors).isEqualTo(1360);
    assertThat(values).isEqualTo(1360 * 4 * 3);
    assertThat(mismatches).as("%d mismatches", mismatches.size()).isEmpty();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return out;
  }
}
