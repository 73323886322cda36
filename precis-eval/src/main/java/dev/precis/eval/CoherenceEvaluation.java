package dev.precis.eval;

import dev.precis.Precis;
import dev.precis.summarize.SentenceTraits;
import dev.precis.summarize.Summarizer;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How often a summary sentence leans on something the summary never introduced: a back-pointing
 * definite description ("The statement made no reference...", "the two leaders") or a quote
 * attributed to a pronoun ('"...," he said.'), whose antecedent is not in the summary before it.
 *
 * <p>Resolved when the summary sentence just before it is its own article's previous sentence, or,
 * for a description, when an earlier summary sentence mentions its noun ("the attack" after "an
 * attack killed 80").
 */
public final class CoherenceEvaluation {

  /**
   * @param summaries summaries made
   * @param sentences their sentences
   * @param leaning sentences with a back-pointing description or pronoun speaker
   * @param unresolved of those, the ones whose antecedent is not before them in the summary
   * @param examples the unresolved sentences (up to 30)
   */
  public record Result(
      int summaries, int sentences, int leaning, int unresolved, List<String> examples) {
    public double unresolvedShare() {
      return sentences == 0 ? 0 : (double) unresolved / sentences;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%d summaries, %d sentences: %d lean on an antecedent, %d unresolved (%.1f%% of sentences)",
          summaries,
          sentences,
          leaning,
          unresolved,
          100 * unresolvedShare());
    }
  }

  private CoherenceEvaluation() {}

  /**
   * Summarizes each cluster with the default summarizer and counts unresolved references.
   *
   * @param words budget; 0 means each cluster's reference length
   */
  public static Result run(Precis precis, List<EvalCluster> clusters, int words) {
    int sentences = 0;
    int leaning = 0;
    int unresolved = 0;
    List<String> examples = new ArrayList<>();
    for (EvalCluster c : clusters) {
      List<Document> docs = Evaluation.prepare(precis, c);
      Summarizer summarizer = precis.summarizers().create("default");
      List<Sentence> summary =
          summarizer.select(docs, words > 0 ? words : Math.max(1, c.referenceWords()));
      for (int k = 0; k < summary.size(); k++) {
        sentences++;
        String text = summary.get(k).text();
        if (!SentenceTraits.needsAntecedent(text)) {
          continue;
        }
        leaning++;
        if (!resolved(summary, k)) {
          unresolved++;
          if (examples.size() < 30) {
            examples.add(c.id() + ": " + text);
          }
        }
      }
    }
    return new Result(clusters.size(), sentences, leaning, unresolved, examples);
  }

  /** True when summary sentence {@code k} has its antecedent before it in the summary. */
  static boolean resolved(List<Sentence> summary, int k) {
    Sentence s = summary.get(k);
    if (k > 0) {
      Sentence prev = summary.get(k - 1);
      if (prev.document() == s.document() && prev.index() == s.index() - 1) {
        return true;
      }
    }
    String noun = SentenceTraits.backReference(s.text());
    if (noun == null || SentenceTraits.hasPronounSpeaker(s.text())) {
      return false;
    }
    String stem =
        noun.endsWith("s") && noun.length() > 3 ? noun.substring(0, noun.length() - 1) : noun;
    java.util.regex.Pattern mention =
        java.util.regex.Pattern.compile(
            "(?i)\\b" + java.util.regex.Pattern.quote(stem) + "(?:s|es)?\\b");
    for (int j = 0; j < k; j++) {
      if (mention.matcher(summary.get(j).text()).find()) {
        return true;
      }
    }
    return false;
  }
}
