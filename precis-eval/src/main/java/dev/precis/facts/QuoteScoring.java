package dev.precis.facts;

import dev.precis.facts.FactsEvaluation.Score;
import dev.precis.text.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scores the quotation extractor against {@code quotes.tsv}: detection and speaker accuracy. */
final class QuoteScoring {
  private final LabelledFacts facts;

  QuoteScoring(LabelledFacts facts) {
    this.facts = facts;
  }

  /** Detection and speaker scores over the labelled quotations. */
  List<Score> score(List<String[]> rows) {
    Map<String, List<String[]>> byFile = LabelledFacts.byFile(rows);
    int gold = 0;
    int pred = 0;
    int tp = 0;
    int named = 0;
    int correct = 0;
    int unnamed = 0;
    int unnamedGuessed = 0;
    int skippedQuotes = 0;
    QuoteExtractor extractor = new QuoteExtractor(new EntityExtractor());
    for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
      String file = e.getKey();
      Document d = facts.doc(file);
      EntityExtractor.Result result = facts.entityResult(file);
      List<QuoteExtractor.Found> found = extractor.inDocument(d, result);
      pred += found.size();
      boolean[] used = new boolean[found.size()];
      List<String> cleanedWords = QuoteMerger.words(d.article().text());
      for (String[] r : e.getValue()) {
        List<String> want = QuoteMerger.words(r[1]);
        if (!containsRun(cleanedWords, want)) {
          skippedQuotes++;
          facts.error("quote not in the cleaned text (cleaner removed it): " + r[1], file);
          continue;
        }
        gold++;
        int match = -1;
        for (int i = 0; i < found.size(); i++) {
          if (!used[i] && containsRun(QuoteMerger.words(found.get(i).text()), want)) {
            match = i;
            break;
          }
        }
        String speaker = r[2];
        boolean isNamed = !speaker.startsWith("~") && !speaker.equals("-");
        if (match < 0) {
          facts.error("quote missed: \"" + r[1] + "\"", file);
          continue;
        }
        used[match] = true;
        tp++;
        Integer sp = found.get(match).speaker();
        String predicted = sp == null ? null : result.entities().get(sp).name();
        if (isNamed) {
          named++;
          if (predicted != null
              && sameSpeaker(
                  predicted, speaker, sp == null ? List.of() : result.entities().get(sp).forms())) {
            correct++;
          } else {
            facts.error(
                "speaker: \"" + r[1] + "\" is " + speaker + ", predicted " + predicted, file);
          }
        } else {
          unnamed++;
          if (predicted != null) {
            unnamedGuessed++;
            facts.error(
                "speaker (unnamed in text): \""
                    + r[1]
                    + "\" is "
                    + speaker
                    + ", predicted "
                    + predicted,
                file);
          }
        }
      }
      for (int i = 0; i < found.size(); i++) {
        if (!used[i]) {
          facts.error("quote false alarm: \"" + found.get(i).text() + "\"", file);
        }
      }
    }
    List<Score> out = new ArrayList<>();
    if (skippedQuotes > 0) {
      out.add(
          Score.skipped(
              "quotes", "labelled quotes the cleaner removed (not scored)", skippedQuotes));
    }
    out.add(Score.fraction("quotes", "detection precision", tp, pred));
    out.add(Score.fraction("quotes", "detection recall", tp, gold));
    out.add(Score.fraction("quotes", "speaker accuracy (named speakers)", correct, named));
    out.add(
        new Score(
            "quotes",
            "named speaker given where the text names none",
            unnamedGuessed,
            unnamedGuessed + "/" + unnamed));
    return out;
  }

  private static boolean containsRun(List<String> hay, List<String> needle) {
    outer:
    for (int i = 0; i + needle.size() <= hay.size(); i++) {
      for (int j = 0; j < needle.size(); j++) {
        if (!hay.get(i + j).equals(needle.get(j))) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Same speaker: equal names, equal surnames, or the gold name among the entity's forms. */
  static boolean sameSpeaker(String predicted, String gold, List<String> forms) {
    String p = Lexicon.norm(predicted).replaceAll("[^a-z]", "");
    String g = Lexicon.norm(gold).replaceAll("[^a-z]", "");
    if (p.equals(g)) {
      return true;
    }
    for (String f : forms) {
      if (Lexicon.norm(f).replaceAll("[^a-z]", "").equals(g)) {
        return true;
      }
    }
    String[] pw = Lexicon.norm(predicted).split(" ");
    String[] gw = Lexicon.norm(gold).split(" ");
    return pw.length > 1
        && gw.length > 1
        && EntityMerger.surnameKey(pw[pw.length - 1])
            .equals(EntityMerger.surnameKey(gw[gw.length - 1]));
  }

  // ------------------------------------------------------------------ numbers
}
