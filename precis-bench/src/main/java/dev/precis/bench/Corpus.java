package dev.precis.bench;

import dev.precis.Precis;
import dev.precis.eval.EvalCluster;
import dev.precis.eval.EvalDatasets;
import dev.precis.ingest.ArticleReader;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.text.Document;
import java.nio.file.Path;
import java.util.List;

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
   * The MultiLing 2011 English clusters ({@code ../shared/data/multiling2011-en}, or under {@code
   * -Dprecis.shared}), read as the evaluation reads them, then cleaned and split by the default
   * stages; topics and files in name order.
   */
  public static List<List<Document>> multiLing() {
    Path dataset =
        Path.of(System.getProperty("precis.shared", "../shared"), "data/multiling2011-en");
    Precis precis = Precis.defaults();
    return EvalDatasets.read(dataset).stream()
        .map(c -> precis.split(c.documents().stream().map(precis::prepare).toList()))
        .toList();
  }

  /** The first {@code n} clusters of the shared Multi-News validation split. */
  public static List<List<RawArticle>> multiNews(int n) {
    Path file = root().resolve("../shared/data/multinews-val.jsonl.gz");
    return EvalDatasets.readJsonLines(file, n).stream().map(EvalCluster::documents).toList();
  }
}
