package dev.precis.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aligns figures about the same thing across articles: same kind of quantity (deaths, injuries...)
 * about the same event, and flags groups whose ranges cannot all be true.
 */
final class FigureAligner {
  private FigureAligner() {}

  private static final Set<String> TOTAL_NOUNS =
      Set.of(
          "",
          "people",
          "persons",
          "person",
          "civilians",
          "deaths",
          "death",
          "dead",
          "bodies",
          "victims",
          "lives",
          "fatalities",
          "casualties",
          "injured",
          "wounded",
          "missing",
          "refugees",
          "displaced");

  /** A figure that counts everyone affected (people, civilians, deaths), not one group of them. */
  private static boolean isTotal(Figure f) {
    String c = f.counts();
    return TOTAL_NOUNS.contains(c.substring(c.lastIndexOf(' ') + 1));
  }

  /** Groups figures by kind and topic; flags groups whose ranges cannot all be true. */
  static List<FigureGroup> align(List<Figure> figures) {
    Map<String, List<Figure>> groups = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (f.category().isEmpty()) {
        continue;
      }
      groups.computeIfAbsent(f.category() + "|" + f.topic(), k -> new ArrayList<>()).add(f);
    }
    List<FigureGroup> out = new ArrayList<>();
    for (List<Figure> g : groups.values()) {
      Figure first = g.get(0);
      Set<String> conflicts = new LinkedHashSet<>();
      if (FigureKinds.EVENT_COUNTS.contains(first.category())) {
        for (int i = 0; i < g.size(); i++) {
          for (int j = i + 1; j < g.size(); j++) {
            Figure a = g.get(i);
            Figure b = g.get(j);
            if (!isTotal(a) || !isTotal(b)) {
              continue; // "four soldiers" among thousands dead is a part, not a rival count
            }
            if (!a.range().overlaps(b.range())) {
              conflicts.add(a.text() + " " + a.range() + " vs " + b.text() + " " + b.range());
            }
          }
        }
      }
      out.add(
          new FigureGroup(
              first.category(),
              first.topic(),
              g,
              !conflicts.isEmpty(),
              new ArrayList<>(conflicts)));
    }
    out.sort(
        Comparator.comparing((FigureGroup g) -> !g.disagreement())
            .thenComparing(g -> !FigureKinds.EVENT_COUNTS.contains(g.category()))
            .thenComparingLong(
                g ->
                    -g.figures().stream().mapToInt(f -> f.citation().document()).distinct().count())
            .thenComparingInt(g -> -g.figures().size()));
    return out;
  }
}
