package dev.precis.facts;

import static dev.precis.facts.LabelledFacts.f1;
import static dev.precis.facts.LabelledFacts.ratio;

import dev.precis.facts.FactsEvaluation.Score;
import dev.precis.text.analysis.Stemmer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores the figure extractor against {@code numbers.tsv}: extraction, range, kind and counted
 * noun.
 */
final class NumberScoring {
  private final LabelledFacts facts;

  NumberScoring(LabelledFacts facts) {
    this.facts = facts;
  }

  /** Extraction, range, kind and counted-noun scores over the labelled figures. */
  List<Score> score(List<String[]> rows) {
    Map<String, List<String[]>> byFile = LabelledFacts.byFile(rows);
    NumberExtractor extractor = new NumberExtractor();
    int gold = 0;
    int pred = 0;
    int tp = 0;
    int ranged = 0;
    int rangeOk = 0;
    int catOk = 0;
    int counted = 0;
    int countsOk = 0;
    int skippedNumbers = 0;
    for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
      String file = e.getKey();
      List<Figure> found = extractor.find(facts.doc(file));
      pred += found.size();
      boolean[] used = new boolean[found.size()];
      String cleaned = facts.doc(file).article().text();
      for (String[] r : e.getValue()) {
        if (!cleaned.contains(r[1])) {
          skippedNumbers++;
          facts.error("number not in the cleaned text (cleaner removed it): " + r[1], file);
          continue;
        }
        gold++;
        String number = r[1];
        // the figure as written starts with the modifier and the number (currency signs aside)
        String want = ((r[2].isEmpty() ? "" : r[2] + " ") + number).toLowerCase(Locale.ROOT);
        int match = -1;
        for (int i = 0; i < found.size(); i++) {
          String got = found.get(i).text().toLowerCase(Locale.ROOT).replaceAll("us\\$|\\$|€|£", "");
          if (!used[i]
              && got.startsWith(want)
              && (got.length() == want.length() || !Character.isDigit(got.charAt(want.length())))) {
            match = i;
            break;
          }
        }
        if (match < 0) {
          facts.error(
              "number missed: " + (r[2].isEmpty() ? "" : r[2] + " ") + number + " " + r[3], file);
          continue;
        }
        used[match] = true;
        tp++;
        Figure f = found.get(match);
        double low = r[5].isEmpty() ? Double.NaN : parse(r[5]);
        double high = r[6].isEmpty() ? Double.NaN : parse(r[6]);
        ranged++;
        boolean ok;
        if (Double.isNaN(low)) {
          ok = f.range().low() == f.range().high();
        } else {
          ok = close(f.range().low(), low) && close(f.range().high(), high);
        }
        if (ok) {
          rangeOk++;
        } else {
          facts.error(
              "number range: "
                  + f.text()
                  + " gold ["
                  + r[5]
                  + ", "
                  + r[6]
                  + "], predicted "
                  + f.range(),
              file);
        }
        if (f.category().equals(r[4])) {
          catOk++;
        } else {
          facts.error(
              "number kind: " + f.text() + " is " + r[4] + ", predicted " + f.category(), file);
        }
        if (!r[3].equals("-")) {
          counted++;
          String gHead = Stemmer.SINGULAR.stem(last(r[3]));
          String pHead = Stemmer.SINGULAR.stem(last(f.counts()));
          if (gHead.equals(pHead)) {
            countsOk++;
          } else {
            facts.error(
                "number counts: "
                    + f.text()
                    + " counts "
                    + r[3]
                    + ", predicted '"
                    + f.counts()
                    + "'",
                file);
          }
        }
      }
      for (int i = 0; i < found.size(); i++) {
        if (!used[i]) {
          facts.error(
              "number false alarm: " + found.get(i).text() + " " + found.get(i).counts(), file);
        }
      }
    }
    double precision = ratio(tp, pred);
    double recall = ratio(tp, gold);
    List<Score> out = new ArrayList<>();
    out.add(
        Score.skipped(
            "numbers", "labelled figures the cleaner removed (not scored)", skippedNumbers));
    out.add(new Score("numbers", "extraction precision", precision, tp + "/" + pred));
    out.add(new Score("numbers", "extraction recall", recall, tp + "/" + gold));
    out.add(new Score("numbers", "extraction F1", f1(precision, recall), ""));
    out.add(Score.fraction("numbers", "range accuracy", rangeOk, ranged));
    out.add(Score.fraction("numbers", "kind accuracy (deaths, money...)", catOk, tp));
    out.add(Score.fraction("numbers", "counted noun accuracy", countsOk, counted));
    return out;
  }

  private static String last(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    int i = t.lastIndexOf(' ');
    return i < 0 ? t : t.substring(i + 1);
  }

  private static double parse(String s) {
    return s.equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(s);
  }

  private static boolean close(double a, double b) {
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return a == b;
    }
    return Math.abs(a - b) <= Math.max(1, Math.abs(b) * 0.01);
  }
}
