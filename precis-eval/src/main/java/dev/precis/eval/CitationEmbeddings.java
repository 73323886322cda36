package dev.precis.eval;

import dev.precis.eval.CitationTraining.Bag;
import dev.precis.summarize.CitationFinder;
import dev.precis.summarize.CitationModel;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A probe, not a shipped feature: does a real sentence-embedding model (all-MiniLM-L6-v2,
 * quantized, through langchain4j and onnxruntime) help the citation model? The cosine between the
 * summary sentence and each candidate the finder judges (a sentence, or two adjacent ones joined)
 * enters as extra feature columns after {@link CitationModel#features()}, read from a cache of
 * embeddings keyed by text ({@link MiniLm} writes it; the model is on the class path only with the
 * Maven profile {@code train-word-vectors}, so precis-core never depends on onnxruntime).
 *
 * <p>Measured as {@code eval-citations --cv} measures ({@link CitationCrossValidation}: five
 * contiguous folds of the tune half), and fitted on the tune half as {@code --train} fits ({@link
 * CitationTraining#multipleInstance}, threshold at the highest tune recall at tune precision >=
 * 0.95), scoring both halves from the bags (a verbatim candidate scores 1, as in the finder); only
 * the report half's aggregate counts are printed. docs/notes/citations-minilm.md has the results.
 */
public final class CitationEmbeddings {

  /** The extra columns after the model's features. */
  enum Extra {
    /** None: the shipped features. */
    NONE,
    /** The cosine. */
    COSINE,
    /** The cosine and its product with {@code story_beyond}. */
    COSINE_STORY,
    /** As {@link #COSINE_STORY}, a pair's vector the mean of its two sentences' vectors. */
    COSINE_STORY_MEAN
  }

  private static final int STORY_BEYOND = CitationModel.features().indexOf("story_beyond");

  private final CitationEvaluation eval;
  private final Map<String, float[]> vectors;

  /**
   * @param vectors unit vectors by text (from {@link #read})
   */
  public CitationEmbeddings(CitationEvaluation eval, Map<String, float[]> vectors) {
    this.eval = eval;
    this.vectors = vectors;
  }

  /** Every text whose vector the probe needs: the labelled sentences and their candidates. */
  static Set<String> texts(CitationEvaluation eval, List<CitationEvaluation.Item> items) {
    Set<String> out = new LinkedHashSet<>();
    CitationFinder finder = new CitationFinder();
    for (CitationEvaluation.Item item : items) {
      List<Document> docs = eval.documents(item.set(), item.cluster());
      out.add(item.sentence());
      for (List<CitationFinder.Candidate> cs :
          finder.index(docs).judgedCandidates(CitationEvaluation.locate(docs, item))) {
        for (CitationFinder.Candidate c : cs) {
          out.add(c.text());
          out.add(c.first().text());
          out.add(c.last().text());
        }
      }
    }
    return out;
  }

  /** A labelled pair's bag, with its half and whether a candidate is verbatim. */
  record Labelled(String split, boolean verbatim, Bag bag) {}

  /** The bags of every labelled pair (both halves), with the extra columns. */
  List<Labelled> bags(List<CitationEvaluation.Item> items, Extra extra) {
    CitationFinder finder = new CitationFinder();
    List<Labelled> out = new ArrayList<>();
    for (CitationEvaluation.Item item : items) {
      List<Document> docs = eval.documents(item.set(), item.cluster());
      List<List<CitationFinder.Candidate>> f =
          finder.index(docs).judgedCandidates(CitationEvaluation.locate(docs, item));
      float[] mine = vector(item.sentence());
      for (int d : item.others().stream().sorted().toList()) {
        List<CitationFinder.Candidate> cs = d < f.size() ? f.get(d) : List.of();
        double[][] x = new double[cs.size()][];
        boolean verbatim = false;
        for (int k = 0; k < x.length; k++) {
          CitationFinder.Candidate c = cs.get(k);
          verbatim |= c.verbatim();
          x[k] = withExtra(c, mine, extra);
        }
        out.add(new Labelled(item.split(), verbatim, new Bag(item.supports().contains(d), x)));
      }
    }
    return out;
  }

  private double[] withExtra(CitationFinder.Candidate c, float[] mine, Extra extra) {
    double[] f = c.features();
    if (extra == Extra.NONE) {
      return f;
    }
    float[] other;
    if (extra == Extra.COSINE_STORY_MEAN && !c.first().equals(c.last())) {
      other = unit(sum(vector(c.first().text()), vector(c.last().text())));
    } else {
      other = vector(c.text());
    }
    double cos = dot(mine, other);
    double[] out = Arrays.copyOf(f, f.length + (extra == Extra.COSINE ? 1 : 2));
    out[f.length] = cos;
    if (extra != Extra.COSINE) {
      out[f.length + 1] = cos * f[STORY_BEYOND];
    }
    return out;
  }

  private float[] vector(String text) {
    float[] v = vectors.get(text);
    if (v == null) {
      throw new IllegalStateException("no embedding in the cache for: " + text);
    }
    return v;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static float[] sum(float[] a, float[] b) {
    float[] out = new float[a.length];
    for (int k = 0; k < a.length; k++) {
      out[k] = a[k] + b[k];
    }
    return out;
  }

  static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    float[] out = new float[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = n == 0 ? 0 : (float) (v[k] / n);
    }
    return out;
  }

  /** Cross-validation inside the tune half (the report half is not read). */
  static CitationCrossValidation.Result crossValidate(List<Labelled> bags) {
    return CitationCrossValidation.crossValidate(tune(bags));
  }

  /**
   * The highest precision of the pooled out-of-fold scores at a rank whose recall is at least
   * {@code floor} (0: never reached; a bag without candidates is never reached).
   */
  static double precisionAtRecall(List<Labelled> bags, double floor) {
    List<Bag> tune = tune(bags);
    return CitationCrossValidation.precisionAtRecall(
        CitationCrossValidation.outOfFoldScores(tune), CitationCrossValidation.labels(tune), floor);
  }

  private static List<Bag> tune(List<Labelled> bags) {
    return bags.stream().filter(b -> b.split().equals("tune")).map(Labelled::bag).toList();
  }

  /**
   * Precision and recall of one half.
   *
   * @param cited right, false, missed
   */
  record Split(String split, int right, int wrong, int missed) {
    double precision() {
      return right + wrong == 0 ? 1 : (double) right / (right + wrong);
    }

    double recall() {
      return right + missed == 0 ? 1 : (double) right / (right + missed);
    }
  }

  /** The fit on the tune half: its threshold and each half's counts. */
  record Fit(double threshold, Split tune, Split report) {}

  /**
   * Fits on the tune half, chooses the threshold with the highest tune recall at tune precision >=
   * {@code floor} (model scores only, as {@code --train}), then counts both halves with verbatim
   * candidates cited whatever the score (as the finder does).
   */
  static Fit fitAndScore(List<Labelled> bags, double floor) {
    List<Bag> tune = tune(bags);
    int width = 0;
    for (Bag b : tune) {
      if (b.candidates().length > 0) {
        width = b.candidates()[0].length;
      }
    }
    double[] w = CitationTraining.multipleInstance(tune, width);
    double[] scores = new double[bags.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = probability(bags.get(i).bag(), w);
    }
    double[] tuneScores = new double[tune.size()];
    int k = 0;
    for (int i = 0; i < scores.length; i++) {
      if (bags.get(i).split().equals("tune")) {
        tuneScores[k++] = scores[i];
      }
    }
    double bestT = CitationTraining.threshold(tune, tuneScores, floor);
    return new Fit(bestT, count(bags, scores, bestT, "tune"), count(bags, scores, bestT, "report"));
  }

  private static Split count(List<Labelled> bags, double[] scores, double t, String split) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < scores.length; i++) {
      Labelled b = bags.get(i);
      if (!b.split().equals(split)) {
        continue;
      }
      boolean cite = b.bag().candidates().length > 0 && (b.verbatim() || scores[i] >= t);
      boolean label = b.bag().supports();
      tp += cite && label ? 1 : 0;
      fp += cite && !label ? 1 : 0;
      fn += !cite && label ? 1 : 0;
    }
    return new Split(split, tp, fp, fn);
  }

  /** A bag's best candidate's probability under bias-then-weights {@code w} (0: none). */
  private static double probability(Bag bag, double[] w) {
    double best = 0;
    for (double[] f : bag.candidates()) {
      double z = w[0];
      for (int j = 0; j < f.length; j++) {
        z += w[j + 1] * f[j];
      }
      best = Math.max(best, 1 / (1 + Math.exp(-z)));
    }
    return best;
  }

  /**
   * How many of the tune half's candidates would need their embedding at all under the fitted
   * {@link Extra#COSINE} model: those whose score could reach the threshold with the most
   * favourable cosine (the bound the finder already uses for its alignment features), a way to
   * embed fewer.
   */
  static String reachable(List<Labelled> bags) {
    Fit fit = fitAndScore(bags, 0.95);
    List<Bag> tune = tune(bags);
    int width = CitationModel.features().size() + 1;
    double[] w = CitationTraining.multipleInstance(tune, width);
    double logit = Math.log(fit.threshold() / (1 - fit.threshold()));
    int all = 0;
    int reach = 0;
    for (Bag b : tune) {
      for (double[] f : b.candidates()) {
        double z = w[0];
        for (int j = 0; j < f.length - 1; j++) {
          z += w[j + 1] * f[j];
        }
        z += Math.abs(w[width]);
        all++;
        reach += z >= logit ? 1 : 0;
      }
    }
    return String.format(
        Locale.ROOT,
        "cosine model (weight %.3f): %d of %d tune candidates (%.1f%%) can reach the threshold %.3f"
            + " with cosine 1",
        w[width],
        reach,
        all,
        100.0 * reach / Math.max(1, all),
        fit.threshold());
  }

  /**
   * The ranking of the cosine alone (a bag's best candidate's cosine) on the tune half: average
   * precision, recall at precision >= 0.95 and 0.90 (no fit).
   */
  static double[] cosineAlone(List<Labelled> bags) {
    List<Bag> tune = tune(bags);
    double[] scores = new double[tune.size()];
    boolean[] labels = new boolean[tune.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Double.NEGATIVE_INFINITY;
      labels[i] = tune.get(i).supports();
      for (double[] f : tune.get(i).candidates()) {
        scores[i] = Math.max(scores[i], f[CitationModel.features().size()]);
      }
    }
    return new double[] {
      CitationCrossValidation.averagePrecision(scores, labels),
      CitationCrossValidation.recallAtPrecision(scores, labels, 0.95),
      CitationCrossValidation.recallAtPrecision(scores, labels, 0.90)
    };
  }

  /** Writes unit vectors by text: count, dimensions, then per text its UTF-8 and floats. */
  static void write(Path file, Map<String, float[]> vectors) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      int dims = vectors.values().stream().findFirst().map(v -> v.length).orElse(0);
      out.writeInt(vectors.size());
      out.writeInt(dims);
      for (Map.Entry<String, float[]> e : vectors.entrySet()) {
        byte[] text = e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(text.length);
        out.write(text);
        for (float x : e.getValue()) {
          out.writeFloat(x);
        }
      }
    }
  }

  /** Reads what {@link #write} wrote. */
  public static Map<String, float[]> read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      int dims = in.readInt();
      Map<String, float[]> out = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        byte[] text = new byte[in.readInt()];
        in.readFully(text);
        float[] v = new float[dims];
        for (int k = 0; k < dims; k++) {
          v[k] = in.readFloat();
        }
        out.put(new String(text, java.nio.charset.StandardCharsets.UTF_8), v);
      }
      return out;
    } catch (EOFException e) {
      throw new IOException(file + ": truncated embedding cache", e);
    }
  }

  /** Prints cross-validation and the split fit for every {@link Extra}. */
  public void report(List<CitationEvaluation.Item> items, java.io.PrintWriter out) {
    out.println(
        "| extra columns | features | CV AP | CV R@.95 | CV R@.90 | CV P@R.90 | CV P@R.75 |"
            + " threshold | tune P | tune R | report P | report R |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    List<Labelled> cosineBags = null;
    for (Extra extra : Extra.values()) {
      List<Labelled> bags = bags(items, extra);
      if (extra == Extra.COSINE) {
        cosineBags = bags;
      }
      CitationCrossValidation.Result cv = crossValidate(bags);
      Fit fit = fitAndScore(bags, 0.95);
      out.println(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
              extra.name().toLowerCase(Locale.ROOT),
              cv.features(),
              cv.averagePrecision(),
              cv.recallAt95(),
              cv.recallAt90(),
              precisionAtRecall(bags, 0.90),
              precisionAtRecall(bags, 0.75),
              fit.threshold(),
              fit.tune().precision(),
              fit.tune().recall(),
              fit.report().precision(),
              fit.report().recall()));
      out.println(
          String.format(
              Locale.ROOT,
              "    counts (right/false/missed): tune %d/%d/%d, report %d/%d/%d",
              fit.tune().right(),
              fit.tune().wrong(),
              fit.tune().missed(),
              fit.report().right(),
              fit.report().wrong(),
              fit.report().missed()));
    }
    out.println(reachable(cosineBags));
    double[] alone = cosineAlone(cosineBags);
    out.println(
        String.format(
            Locale.ROOT,
            "MiniLM cosine alone (best candidate per bag, tune half, no fit): AP %.3f  R@.95 %.3f"
                + "  R@.90 %.3f",
            alone[0],
            alone[1],
            alone[2]));
    out.flush();
  }

  /** The sentences of a cluster that a summary's citing would embed: see {@link MiniLm}. */
  static Set<String> citingTexts(CitationFinder.Index index, List<Sentence> chosen) {
    Set<String> out = new LinkedHashSet<>();
    for (Sentence s : chosen) {
      out.add(s.text());
      for (List<CitationFinder.Candidate> cs : index.judgedCandidates(s)) {
        for (CitationFinder.Candidate c : cs) {
          if (c.first().document() != s.document()) {
            out.add(c.text());
          }
        }
      }
    }
    return out;
  }
}
