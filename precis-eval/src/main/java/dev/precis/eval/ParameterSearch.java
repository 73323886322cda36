package dev.precis.eval;

import dev.precis.Precis;
import dev.precis.eval.rouge.RougeOptions;
import dev.precis.summarize.ConceptSummarizer;
import dev.precis.summarize.Summarizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the default summarizer's constants by leave-one-set-out cross-validation across the
 * development sets: for each set, the setting that does best on the other sets (mean ROUGE-1
 * relative to the current defaults there) is scored on the held-out one. Only a few constants vary
 * (the per-word fill value, the single-article discount, the lead position weight); each setting is
 * evaluated on every set once, so the search costs one eval per set.
 */
public final class ParameterSearch {

  /** One development set with its budget and ROUGE options. */
  public record DevSet(
      String name,
      List<EvalCluster> clusters,
      Evaluation.Budget budget,
      RougeOptions rouge,
      boolean recall) {}

  /** A setting and its ROUGE-1 per set (same order as the sets). */
  public record Row(ConceptSummarizer.Params params, double[] rouge1) {}

  private ParameterSearch() {}

  /** The settings tried: the defaults first. */
  public static List<ConceptSummarizer.Params> grid() {
    ConceptSummarizer.Params d = ConceptSummarizer.Params.defaults();
    List<ConceptSummarizer.Params> out = new ArrayList<>();
    out.add(d);
    for (double fill : new double[] {0.0, 0.4, 0.8, 1.2}) {
      for (double rare : new double[] {0.3, 0.6, 1.0}) {
        for (double boost : new double[] {1.5, 3.0}) {
          ConceptSummarizer.Params p = d.withFillRareBoost(fill, rare, boost);
          if (!p.equals(d)) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  /** ROUGE-1 of every setting on every set. */
  public static List<Row> evaluate(List<DevSet> sets, List<ConceptSummarizer.Params> settings) {
    Summarizers named = Summarizers.standard();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
      ConceptSummarizer.Params p = settings.get(i);
      String name = "cv" + i;
      named = named.with(name, () -> new ConceptSummarizer(p));
      names.add(name);
    }
    Precis precis = Precis.builder().summarizers(named).build();
    double[][] scores = new double[settings.size()][sets.size()];
    for (int s = 0; s < sets.size(); s++) {
      DevSet set = sets.get(s);
      Evaluation.Result r =
          Evaluation.run(
              precis,
              set.clusters(),
              names,
              set.budget(),
              set.rouge(),
              Runtime.getRuntime().availableProcessors(),
              null);
      // the plain mean over clusters (the bootstrap's mean would add resampling noise)
      int[] count = new int[settings.size()];
      for (Evaluation.ClusterResult c : r.perCluster()) {
        int i = names.indexOf(c.summarizer());
        var score = c.scores().get("ROUGE-1");
        scores[i][s] += 100 * (set.recall() ? score.recall() : score.f1());
        count[i]++;
      }
      for (int i = 0; i < settings.size(); i++) {
        scores[i][s] /= Math.max(1, count[i]);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
      rows.add(new Row(settings.get(i), scores[i]));
    }
    return rows;
  }

  /**
   * Leave-one-set-out: per held-out set, the row best on the others (mean of ROUGE-1 divided by the
   * defaults' there) and its score on the held-out set; then the row best on all sets.
   */
  public static List<String> report(List<DevSet> sets, List<Row> rows) {
    List<String> out = new ArrayList<>();
    Row base = rows.get(0);
    for (int held = 0; held < sets.size(); held++) {
      Row best = best(rows, base, held);
      out.add(
          String.format(
              Locale.ROOT,
              "held out %s: chosen on the others %s -> %.2f (defaults %.2f)",
              sets.get(held).name(),
              describe(best.params()),
              best.rouge1()[held],
              base.rouge1()[held]));
    }
    Row all = best(rows, base, -1);
    out.add("best on all sets: " + describe(all.params()));
    for (Row r : rows) {
      StringBuilder b = new StringBuilder(describe(r.params()));
      for (int s = 0; s < sets.size(); s++) {
        b.append(String.format(Locale.ROOT, " | %s %.2f", sets.get(s).name(), r.rouge1()[s]));
      }
      out.add(b.toString());
    }
    return out;
  }

  private static Row best(List<Row> rows, Row base, int held) {
    Row best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (Row r : rows) {
      double v = 0;
      for (int s = 0; s < r.rouge1().length; s++) {
        if (s != held) {
          v += r.rouge1()[s] / Math.max(1e-9, base.rouge1()[s]);
        }
      }
      if (v > bestValue + 1e-9) {
        bestValue = v;
        best = r;
      }
    }
    return best;
  }

  private static String describe(ConceptSummarizer.Params p) {
    return String.format(
        Locale.ROOT,
        "fillBonus=%.1f rareFactor=%.1f positionBoost=%.1f",
        p.fillBonus(),
        p.rareFactor(),
        p.positionBoost());
  }
}
