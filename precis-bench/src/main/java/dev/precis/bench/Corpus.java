package dev.precis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.ingest.ArticleReader;
import dev.precis.ingest.JsonArticles;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Inputs shared by the benchmarks: the bundled example and Multi-News validation clusters. Run
 * benchmarks from the repository root (or set {@code -Dprecis.root=...}).
 */
public final class Corpus {
  private Corpus() {}

  public static Path root() {
    return Path.of(System.getProperty("precis.root", ".")).toAbsolutePath().normalize();
  }

  /** The five raw articles of {@code examples/tillerson-lavrov-2017}. */
  public static List<RawArticle> example() {
    Path dir = root().resolve("examples/tillerson-lavrov-2017");
    return new ArticleReader(Limits.defaults(), w -> {}).read(List.of(dir.toString()), System.in);
  }

  /** The first {@code n} clusters of the shared Multi-News validation split. */
  public static List<List<RawArticle>> multiNews(int n) {
    Path file = root().resolve("../shared/data/multinews-val.jsonl.gz");
    ObjectMapper json = new ObjectMapper();
    List<List<RawArticle>> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line; out.size() < n && (line = r.readLine()) != null; ) {
        JsonNode node = json.readTree(line);
        List<RawArticle> docs = new ArrayList<>();
        JsonNode arr = node.get("documents");
        for (int i = 0; i < arr.size(); i++) {
          docs.add(JsonArticles.parse(arr.get(i), node.get("id").asText() + "#" + i, "multinews"));
        }
        out.add(docs);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
