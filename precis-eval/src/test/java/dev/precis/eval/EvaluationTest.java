package dev.precis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.precis.Precis;
import dev.precis.eval.baseline.Baselines;
import dev.precis.eval.rouge.RougeBootstrap;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baselines and the harness on the MultiLing 2011 English set (10 clusters). */
class EvaluationTest {
  private static final Precis PRECIS = Precis.builder().summarizers(Baselines.all()).build();

  private static final List<String> ALL =
      List.of("default", "lead", "random", "lexrank", "textrank", "centroid", "mmr", "oracle");
  private static List<EvalCluster> clusters;
  private static Evaluation.Result result;
  private static int progress;

  @BeforeAll
  static void run() {
    clusters = EvalDatasets.read(Shared.DATA.resolve("data/multiling2011-en"));
    AtomicInteger done = new AtomicInteger();
    result =
        Evaluation.run(
            PRECIS,
            clusters,
            ALL,
            Evaluation.Budget.fixed(250),
            RougeOptions.news().withWordLimit(250),
            2,
            done::incrementAndGet);
    progress = done.get();
  }

  @Test
  void everySummarizerRespectsTheBudgetAndIsScored() {
    assertThat(progress).isEqualTo(10);
    assertThat(result.systems()).extracting(Evaluation.SystemResult::summarizer).isEqualTo(ALL);
    for (Evaluation.SystemResult s : result.systems()) {
      assertThat(s.clusters()).isEqualTo(10);
      assertThat(s.averageWords()).as(s.summarizer()).isBetween(100.0, 250.0);
      assertThat(s.scores().keySet())
          .containsExactly("ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4", "ROUGE-L", "ROUGE-SU4");
      RougeBootstrap.Interval r2 = s.scores().get("ROUGE-2").recall();
      assertThat(r2.low()).isLessThanOrEqualTo(r2.mean());
      assertThat(r2.high()).isGreaterThanOrEqualTo(r2.mean());
      assertThat(s.msPerCluster()).isGreaterThanOrEqualTo(0);
    }
    for (Evaluation.ClusterResult c : result.perCluster()) {
      int words = c.summary().stream().mapToInt(dev.precis.text.Words::count).sum();
      assertThat(words).as(c.summarizer() + " " + c.cluster()).isLessThanOrEqualTo(250);
    }
  }

  @Test
  void oracleIsAnUpperBoundAndRandomIsBelowTheGraphMethods() {
    Map<String, Double> r2 = new java.util.HashMap<>();
    for (Evaluation.SystemResult s : result.systems()) {
      r2.put(s.summarizer(), s.scores().get("ROUGE-2").recall().mean());
    }
    for (String name : ALL) {
      if (!name.equals("oracle")) {
        assertThat(r2.get("oracle")).as("oracle vs " + name).isGreaterThan(r2.get(name));
      }
    }
    assertThat(r2.get("random")).isLessThan(r2.get("centroid"));
  }

  @Test
  void baselinesAreDeterministic() {
    List<Document> docs = Evaluation.prepare(PRECIS, clusters.get(3));
    for (String name : List.of("lead", "random", "lexrank", "textrank", "centroid", "mmr")) {
      List<Sentence> a = Baselines.all().create(name).select(docs, 100);
      List<Sentence> b = Baselines.all().create(name).select(docs, 100);
      assertThat(a).as(name).isEqualTo(b).isNotEmpty();
      assertThat(a.stream().mapToInt(Sentence::words).sum()).isLessThanOrEqualTo(100);
    }
    assertThatThrownBy(() -> Baselines.all().create("oracle")).hasMessageContaining("reference");
  }
}
