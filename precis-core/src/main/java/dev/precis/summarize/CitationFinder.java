package dev.precis.summarize;

import dev.precis.model.Citation;
import dev.precis.summarize.CitationTerms.Terms;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.WordVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds, for a summary sentence, every article that states the same content, also when it is
 * reported in other words: the same figures, the same actors, the same claim.
 *
 * <p>Each content word (light-stemmed, not a stop or reporting word) weighs its inverse sentence
 * frequency within the cluster, so shared names, places and figures count for much and the words
 * every article of the story repeats count for little. Every sentence of another article sharing
 * two content words with the summary sentence, and every two adjacent ones that do together, is a
 * candidate; {@link CitationModel} (a learned pair classifier, trained on the tune half of
 * datasets/citations) judges each from the features of {@link CitationEvidence} (shared weight both
 * ways, word pairs, figures, names, position, the articles' overlap, word-vector similarity from
 * {@link CitationAlignment}), and each article's best candidate decides. Figures must agree: a
 * match that leaves out one of the sentence's figures while stating a different one of the same
 * kind ("80,000 killed" against "120,000 killed") is a disagreement and is never cited. Spelled-out
 * numbers up to ninety-nine meet their digits ("Fifty-two" = "52").
 *
 * <p>Each article that states it is cited with the offsets of its own sentence (or of the two
 * adjacent sentences that together state it).
 *
 * <pre>{@code
 * CitationFinder.Index idx = new CitationFinder().index(documents);
 * List<Citation> cites = idx.cite(sentence);
 * }</pre>
 */
public final class CitationFinder {

  /**
   * Matching constants and the learned judge.
   *
   * @param minShared fewest shared content words of a candidate (a sentence, or two adjacent ones
   *     each sharing one)
   * @param bigramWeight extra evidence of a shared adjacent content-word pair, as a share of the
   *     lighter word's weight
   * @param numberWeight weight factor of a figure relative to a word of the same rarity
   * @param model the judge of each candidate and the lowest probability cited
   * @param vectors a lower-case word's vector (null when it has none), for the features of {@link
   *     CitationAlignment}; null: those features are 0
   */
  public record Params(
      int minShared,
      double bigramWeight,
      double numberWeight,
      CitationModel model,
      Function<String, float[]> vectors) {
    public static Params defaults() {
      return new Params(2, 0.5, 2.0, CitationModel.shipped(), WordVectors.shared()::vector);
    }

    /** The same constants with another model. */
    public Params withModel(CitationModel m) {
      return new Params(minShared, bigramWeight, numberWeight, m, vectors);
    }

    /** The same constants, citing from another probability. */
    public Params withThreshold(double threshold) {
      return withModel(model.withThreshold(threshold));
    }
  }

  /**
   * How much more of the summary sentence's weight two adjacent sentences must carry to be cited
   * together.
   */
  static final double PAIR_COVER = 0.2;

  /** Words in a shared run that make a verbatim match (a quoted clause, a copied statement). */
  static final int VERBATIM_RUN = 10;

  private final Params params;

  public CitationFinder() {
    this(Params.defaults());
  }

  public CitationFinder(Params params) {
    this.params = params;
  }

  /** Citations for {@code sentence}: its own position first, then the best match per document. */
  public List<Citation> cite(Sentence sentence, List<Document> documents) {
    return index(documents).cite(sentence);
  }

  /** Indexes the sentences of {@code documents} for repeated {@link Index#cite} calls. */
  public Index index(List<Document> documents) {
    return new Index(documents, params);
  }

  /** Content-word postings and weights over every sentence of a document set. */
  public static final class Index {
    private final Params params;
    private final CitationEvidence evidence;
    private final List<Sentence> sentences;
    private final int documents;

    Index(List<Document> docs, Params params) {
      this.params = params;
      List<Sentence> all = new ArrayList<>();
      int maxDoc = -1;
      for (Document d : docs) {
        all.addAll(d.sentences());
        maxDoc = Math.max(maxDoc, d.index());
      }
      documents = maxDoc + 1;
      evidence =
          new CitationEvidence(
              all, documents, params.numberWeight(), params.bigramWeight(), params.vectors());
      sentences = evidence.sentences;
    }

    /** Citations for {@code sentence}: its own position first, then the best match per document. */
    public List<Citation> cite(Sentence sentence) {
      List<Citation> out = new ArrayList<>();
      out.add(new Citation(sentence.document(), sentence.start(), sentence.end()));
      Match m = match(sentence, params.model().threshold());
      for (int d = 0; d < documents; d++) {
        if (m.from[d] >= 0) {
          out.add(new Citation(d, sentences.get(m.from[d]).start(), sentences.get(m.to[d]).end()));
        }
      }
      return out;
    }

    /**
     * The best match score of each document for {@code sentence} (0 where nothing qualifies, and
     * for the sentence's own document), whatever the threshold: for evaluation and tuning.
     */
    public double[] scores(Sentence sentence) {
      return match(sentence, 0).score;
    }

    private record Match(double[] score, int[] from, int[] to) {}

    /**
     * Every candidate of another article (see {@link #candidates}) is judged by the model; each
     * article's best judged candidate is its match (the model was trained the same way: on each
     * labelled article's best candidate).
     */
    private Match match(Sentence sentence, double threshold) {
      double[] bestScore = new double[documents];
      int[] bestFrom = new int[documents];
      int[] bestTo = new int[documents];
      Arrays.fill(bestFrom, -1);
      Match best = new Match(bestScore, bestFrom, bestTo);
      CitationEvidence.Probe probe = evidence.probe(sentence);
      double[] bestCover = new double[documents];
      List<int[]> pairs = new ArrayList<>();
      List<double[]> pairScores = new ArrayList<>();
      List<int[]> candidates = candidates(probe);
      probe = probe.withEchoes(echoes(candidates));
      for (int[] c : candidates) {
        int d = sentences.get(c[0]).document();
        boolean pair = c[1] != c[0];
        Terms other = evidence.matchedTerms(c[0], pair);
        if (!agree(probe.mine(), other)) {
          continue; // a different figure of the same kind: a disagreement, never support
        }
        double s = judge(probe, other, c[0], pair, threshold);
        if (s < 0) {
          continue; // below the threshold whatever its alignment: neither cited nor best cited
        }
        double cover = evidence.sharedWeight(probe.mine(), other) / Math.max(1e-9, probe.myMass());
        if (pair) {
          pairs.add(c);
          pairScores.add(new double[] {s, cover});
        }
        if (s > bestScore[d]) {
          bestScore[d] = s;
          bestCover[d] = cover;
          bestFrom[d] = c[0];
          bestTo[d] = c[1];
        }
      }
      // the citation points at both sentences when the two together carry clearly more of it
      for (int k = 0; k < pairs.size(); k++) {
        int[] c = pairs.get(k);
        int d = sentences.get(c[0]).document();
        double[] sc = pairScores.get(k);
        boolean holdsBest =
            bestFrom[d] == bestTo[d] && (bestFrom[d] == c[0] || bestFrom[d] == c[1]);
        if (holdsBest && sc[0] >= threshold && sc[1] >= bestCover[d] + PAIR_COVER) {
          bestCover[d] = sc[1];
          bestFrom[d] = c[0];
          bestTo[d] = c[1];
        }
      }
      for (int d = 0; d < documents; d++) {
        if (bestScore[d] < threshold) {
          bestFrom[d] = -1;
        }
      }
      return best;
    }

    /**
     * The candidates of the other articles, {from, to} sentence indexes: single sentences sharing
     * at least {@code minShared} content words, and adjacent pairs that share as many together
     * while each shares at least one.
     */
    private List<int[]> candidates(CitationEvidence.Probe probe) {
      CitationEvidence.Sharing sharing = evidence.sharing(probe);
      int[] count = sharing.count();
      List<int[]> out = new ArrayList<>();
      for (int i : sharing.sentences()) {
        if (count[i] >= params.minShared()) {
          out.add(new int[] {i, i});
        }
        int j = i + 1;
        if (j < count.length
            && count[j] > 0
            && sentences.get(j).document() == sentences.get(i).document()
            && CitationEvidence.sharedCount(probe.mine(), evidence.matchedTerms(i, true))
                >= params.minShared()) {
          out.add(new int[] {i, j});
        }
      }
      return out;
    }

    /** How many articles have at least one of the candidates. */
    private int echoes(List<int[]> candidates) {
      boolean[] seen = new boolean[documents];
      int n = 0;
      for (int[] c : candidates) {
        int d = sentences.get(c[0]).document();
        n += seen[d] ? 0 : 1;
        seen[d] = true;
      }
      return n;
    }

    /**
     * Whether {@code other} (sentence {@code at}, or it and the next) shares a run of {@value
     * #VERBATIM_RUN} words with the probe: then it is cited whatever the model says.
     */
    private boolean verbatim(CitationEvidence.Probe probe, Terms other, int at, boolean pair) {
      // a run of ten identical words carries several shared content words: test those only
      return CitationEvidence.sharedCount(probe.mine(), other) >= 4
          && CitationTerms.longestCommonRun(probe.words(), evidence.words(at, pair))
              >= VERBATIM_RUN;
    }

    /**
     * The learned model's probability that {@code other} (sentence {@code at}, or it and the next)
     * states it; -1 when it is below {@code threshold} whatever its alignment features (which are
     * then not computed: they are most of the cost, and such a candidate changes no citation).
     */
    private double judge(
        CitationEvidence.Probe probe, Terms other, int at, boolean pair, double threshold) {
      if (verbatim(probe, other, at, pair)) {
        return 1; // the same words for a whole clause: a quote or a copied statement
      }
      double[] f = evidence.withoutAlignment(probe, other, at, pair);
      if (threshold > 0 && CitationEvidence.cannotReach(params.model(), f, threshold)) {
        return -1;
      }
      evidence.addAlignment(f, probe, at, pair);
      return params.model().probability(f);
    }

    /**
     * Features of every candidate per document (an empty list where none), named by {@link
     * CitationModel#features()}: for training, the model is fitted on each labelled article's best
     * candidate ({@code eval-citations --train}).
     */
    public List<List<double[]>> candidateFeatures(Sentence sentence) {
      List<List<double[]>> out = new ArrayList<>();
      for (List<Candidate> cs : judgedCandidates(sentence)) {
        out.add(new ArrayList<>(cs.stream().map(Candidate::features).toList()));
      }
      return out;
    }

    /**
     * Every candidate of every other article, per document (an empty list where none), as {@link
     * #candidateFeatures} lists them (same order), with its sentences and whether the finder cites
     * it whatever the model (a verbatim run): for evaluation of features computed outside the
     * finder (such as a sentence-embedding cosine of {@link Candidate#text}).
     */
    public List<List<Candidate>> judgedCandidates(Sentence sentence) {
      List<List<Candidate>> out = new ArrayList<>();
      for (int d = 0; d < documents; d++) {
        out.add(new ArrayList<>());
      }
      CitationEvidence.Probe probe = evidence.probe(sentence);
      List<int[]> candidates = candidates(probe);
      probe = probe.withEchoes(echoes(candidates));
      for (int[] c : candidates) {
        boolean pair = c[1] != c[0];
        Terms other = evidence.matchedTerms(c[0], pair);
        if (agree(probe.mine(), other)) {
          out.get(sentences.get(c[0]).document())
              .add(
                  new Candidate(
                      sentences.get(c[0]),
                      sentences.get(c[1]),
                      verbatim(probe, other, c[0], pair),
                      evidence.features(probe, other, c[0], pair)));
        }
      }
      return out;
    }
  }

  /**
   * A candidate the finder judges: one sentence of another article ({@code first == last}) or two
   * adjacent ones.
   *
   * @param verbatim whether it shares a run of {@value #VERBATIM_RUN} words with the summary
   *     sentence (then cited whatever the model says)
   * @param features named by {@link CitationModel#features()}
   */
  public record Candidate(Sentence first, Sentence last, boolean verbatim, double[] features) {
    /** The candidate's text: its sentence, or its two sentences joined by a space. */
    public String text() {
      return first.equals(last) ? first.text() : first.text() + " " + last.text();
    }
  }

  /** True unless the two disagree on a figure (see {@link CitationFigures#agree}). */
  static boolean agree(Terms mine, Terms other) {
    return CitationFigures.agree(mine.numbers(), other.numbers());
  }

  /** Lower-cased word bigrams of a text (kept for callers comparing raw overlap). */
  static Set<String> bigrams(String text) {
    String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    Set<String> out = new HashSet<>();
    String prev = null;
    for (String t : w) {
      if (t.isEmpty()) {
        continue;
      }
      if (prev != null) {
        out.add(prev + ' ' + t);
      }
      prev = t;
    }
    return out;
  }
}
