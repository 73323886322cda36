package dev.precis.summarize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precis.Precis;
import dev.precis.ingest.ArticleReader;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Real document sets for summarizer tests: the bundled example and the shared dev data. */
final class SummaryFixtures {
  private SummaryFixtures() {}

  static Path root() {
    return Path.of(System.getProperty("precis.root", "."));
  }

  static Path shared() {
    return root().resolve("../shared");
  }

  /** The bundled Tillerson–Lavrov example, cleaned and split as the CLI does it. */
  static List<Document> example() {
    ArticleReader reader = new ArticleReader(Limits.defaults(), w -> {});
    List<RawArticle> raw =
        reader.read(List.of(root().resolve("examples/tillerson-lavrov-2017").toString()), null);
    return Precis.defaults().split(raw.stream().map(Precis.defaults()::prepare).toList());
  }

  /**
   * The first {@code n} Multi-News validation clusters (lower-cased, tokenised news), split but not
   * cleaned: furniture the cleaner would drop (sign-up notices) stays in, as raw input would have
   * it.
   */
  static List<List<Document>> multiNews(int n) {
    ObjectMapper json = new ObjectMapper();
    List<List<Document>> out = new ArrayList<>();
    Path file = shared().resolve("data/multinews-val.jsonl.gz");
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line; out.size() < n && (line = r.readLine()) != null; ) {
        JsonNode node = json.readTree(line);
        List<Article> articles = new ArrayList<>();
        for (JsonNode d : node.get("documents")) {
          articles.add(Article.of(node.get("id").asText() + "#" + articles.size(), d.asText()));
        }
        out.add(Precis.defaults().split(articles));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The ten MultiLing 2011 English topics, ten WikiNews articles each, through the cleaner. */
  static List<List<Document>> multiLing() {
    Path docs = shared().resolve("data/multiling2011-en/docs");
    List<List<Document>> out = new ArrayList<>();
    try (Stream<Path> topics = Files.list(docs)) {
      for (Path topic : topics.sorted().toList()) {
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(topic)) {
          for (Path f : files.sorted().toList()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            articles.add(
                Precis.defaults().prepare(RawArticle.ofText(f.getFileName().toString(), text)));
          }
        }
        out.add(Precis.defaults().split(articles));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
