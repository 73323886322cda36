package dev.precis.facts;

import java.util.List;

/**
 * Figures about the same thing (e.g. deaths in the attack) aligned across articles.
 *
 * @param category the kind of quantity (deaths, injuries, money...)
 * @param topic the event or thing, or {@code ""}
 * @param figures every figure, in article order
 * @param disagreement whether two figures allow no common value (their ranges do not overlap)
 * @param conflicts pairs of figure texts whose ranges do not overlap, as "a vs b"
 */
public record FigureGroup(
    String category,
    String topic,
    List<Figure> figures,
    boolean disagreement,
    List<String> conflicts) {
  public FigureGroup {
    figures = List.copyOf(figures);
    conflicts = List.copyOf(conflicts);
  }

  /** A label for readers: "deaths (attack)". */
  public String label() {
    return topic.isEmpty() ? category : category + " (" + topic + ")";
  }
}
