package dev.precis.bench;

import dev.precis.Precis;
import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.ingest.ArticleReader;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

  /**
   * The MultiLing 2011 English clusters ({@code ../shared/data/multiling2011-en/docs}, or under
   * {@code -Dprecis.shared}), cleaned and split by the default stages, topics and files in name
   * order.
   */
  public static List<List<Document>> multiLing() throws IOException {
    Path docs =
        Path.of(System.getProperty("precis.shared", "../shared"), "data/multiling2011-en/docs");
    List<List<Document>> clusters = new ArrayList<>();
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
        clusters.add(Precis.defaults().split(articles));
      }
    }
    return clusters;
  }

  /** The first {@code n} clusters of the shared Multi-News validation split. */
  public static List<List<RawArticle>> multiNews(int n) {
    Path file = root().resolve("../shared/data/multinews-val.jsonl.gz");
    return EvalDatasets.readJsonLines(file, n).stream().map(EvalCluster::documents).toList();
  }
}
