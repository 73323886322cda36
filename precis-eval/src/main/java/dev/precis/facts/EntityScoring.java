package dev.precis.facts;

import static dev.precis.facts.LabelledFacts.f1;
import static dev.precis.facts.LabelledFacts.ratio;

import dev.precis.facts.FactsEvaluation.Score;
import dev.precis.text.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores the entity extractor against {@code entity-forms.tsv}: mentions (typed and untyped) and
 * merging.
 */
final class EntityScoring {
  private final LabelledFacts facts;

  EntityScoring(LabelledFacts facts) {
    this.facts = facts;
  }

  /** How often a labelled form occurs as a name: whole words, not inside a longer labelled form. */
  static int[] occurrences(String text, String form, List<String> longer) {
    Pattern p =
        Pattern.compile(
            "(?<![\\p{L}\\p{N}\\-.])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}]|-\\p{Ll})");
    Matcher m = p.matcher(text);
    List<Integer> starts = new ArrayList<>();
    while (m.find()) {
      boolean inside = false;
      for (String l : longer) {
        int from = Math.max(0, m.start() - l.length());
        int idx = text.indexOf(l, from);
        while (idx >= 0 && idx <= m.start()) {
          if (idx + l.length() >= m.end()) {
            inside = true;
            break;
          }
          idx = text.indexOf(l, idx + 1);
        }
        if (inside) {
          break;
        }
      }
      if (!inside) {
        starts.add(m.start());
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Mention and merging scores over the labelled entity forms. */
  List<Score> score(List<String[]> rows) {
    Map<String, List<String[]>> byFile = LabelledFacts.byFile(rows);
    int gold = 0;
    int pred = 0;
    int tp = 0;
    int tpTyped = 0;
    // merging: per story, (file|form) -> gold entity and predicted entity
    Map<String, Map<String, String>> goldEntity = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> predEntity = new LinkedHashMap<>();
    for (Map.Entry<String, List<String[]>> e : byFile.entrySet()) {
      String file = e.getKey();
      Document d = facts.doc(file);
      String text = d.article().text();
      EntityExtractor.Result result = facts.entityResult(file);
      Map<String, Integer> predCount = new HashMap<>();
      Map<String, Map<Integer, Integer>> predIds = new HashMap<>();
      for (EntityExtractor.ResolvedMention m : result.mentions().get(d.index())) {
        if (m.text().toLowerCase(Locale.ROOT).startsWith("the ")
            && !m.text().startsWith("The Hague")) {
          continue; // descriptions ("the Russian foreign minister") are not labelled
        }
        predCount.merge(m.text(), 1, Integer::sum);
        predIds.computeIfAbsent(m.text(), k -> new HashMap<>()).merge(m.entity(), 1, Integer::sum);
        pred++;
      }
      List<String> forms = e.getValue().stream().map(r -> r[1]).toList();
      String story = Path.of(file).getParent().toString();
      for (String[] r : e.getValue()) {
        String form = r[1];
        List<String> longer =
            forms.stream().filter(f -> f.length() > form.length() && f.contains(form)).toList();
        int g = occurrences(text, form, longer).length;
        gold += g;
        int p = predCount.getOrDefault(form, 0);
        int hit = Math.min(g, p);
        tp += hit;
        if (hit > 0) {
          int id = majority(predIds.get(form));
          EntityType type = result.entities().get(id).type();
          if (type.name().equals(r[2])) {
            tpTyped += hit;
          } else {
            facts.error("entity type: " + form + " is " + r[2] + ", predicted " + type, file);
          }
          goldEntity
              .computeIfAbsent(story, k -> new LinkedHashMap<>())
              .put(file + "|" + form, r[3]);
          predEntity.computeIfAbsent(story, k -> new LinkedHashMap<>()).put(file + "|" + form, id);
        }
        if (g > p) {
          facts.error("entity missed: " + form + " " + (g - p) + " of " + g, file);
        }
        predCount.remove(form);
      }
      for (Map.Entry<String, Integer> extra : predCount.entrySet()) {
        facts.error("entity false alarm: " + extra.getKey() + " x" + extra.getValue(), file);
      }
    }
    // pairwise merging
    int samePred = 0;
    int sameGold = 0;
    int sameBoth = 0;
    List<String> falseMerges = new ArrayList<>();
    for (String story : goldEntity.keySet()) {
      List<String> keys = new ArrayList<>(goldEntity.get(story).keySet());
      for (int i = 0; i < keys.size(); i++) {
        for (int j = i + 1; j < keys.size(); j++) {
          String a = keys.get(i);
          String b = keys.get(j);
          boolean g = goldEntity.get(story).get(a).equals(goldEntity.get(story).get(b));
          boolean p = predEntity.get(story).get(a).equals(predEntity.get(story).get(b));
          if (g && p) {
            sameBoth++;
          }
          if (g) {
            sameGold++;
          }
          if (p) {
            samePred++;
            if (!g) {
              falseMerges.add(
                  a.substring(a.indexOf('|') + 1) + " = " + b.substring(b.indexOf('|') + 1));
            }
          }
          if (g && !p) {
            facts.errors().add("entity not merged: " + a + " / " + b);
          }
        }
      }
    }
    for (String f : falseMerges) {
      facts.errors().add("FALSE MERGE: " + f);
    }
    List<Score> out = new ArrayList<>();
    out.add(Score.fraction("entities", "mention precision", tp, pred));
    out.add(Score.fraction("entities", "mention recall", tp, gold));
    out.add(new Score("entities", "mention F1", f1(ratio(tp, pred), ratio(tp, gold)), ""));
    out.add(Score.fraction("entities", "typed precision", tpTyped, pred));
    out.add(Score.fraction("entities", "typed recall", tpTyped, gold));
    out.add(Score.fraction("entities", "merge precision (form pairs)", sameBoth, samePred));
    out.add(Score.fraction("entities", "merge recall (form pairs)", sameBoth, sameGold));
    out.add(
        new Score("entities", "false merges", falseMerges.size(), String.join("; ", falseMerges)));
    return out;
  }

  private static int majority(Map<Integer, Integer> ids) {
    return ids.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
