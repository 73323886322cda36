package dev.precis.eval.rouge;

/**
 * One ROUGE score of one candidate, rounded to 5 decimals exactly as ROUGE-1.5.5 prints it (F is
 * computed from the rounded R and P, as the script does).
 *
 * @param recall R
 * @param precision P
 * @param f1 F with the options' alpha
 * @param hits matched units (n-grams, LCS words, skip-bigrams), pooled over the references
 * @param referenceUnits units in the references, pooled
 * @param candidateUnits units in the candidate, counted once per reference
 */
public record RougeScore(
    double recall,
    double precision,
    double f1,
    long hits,
    long referenceUnits,
    long candidateUnits) {

  static RougeScore of(long hits, long referenceUnits, long candidateUnits, double alpha) {
    double r = referenceUnits != 0 ? Rouge.round5((double) hits / referenceUnits) : 0;
    double p = candidateUnits != 0 ? Rouge.round5((double) hits / candidateUnits) : 0;
    double denominator = (1 - alpha) * p + alpha * r;
    double f = denominator > 0 ? Rouge.round5(p * r / denominator) : 0;
    return new RougeScore(r, p, f, hits, referenceUnits, candidateUnits);
  }
}
