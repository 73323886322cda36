package dev.precis.facts;

import java.util.List;

/**
 * Who, what, when of a story: entities, quotations, figures (with disagreements between articles)
 * and a timeline. Every fact carries citations into the articles' cleaned text.
 *
 * <pre>{@code
 * FactSheet sheet = FactExtractor.standard().extract(Precis.defaults().split(articles));
 * sheet.disagreements().forEach(g -> System.out.println(g.label() + ": " + g.conflicts()));
 * }</pre>
 *
 * @param entities people, organisations and places, most mentioned first
 * @param quotes direct quotations with their speakers, most carried first
 * @param figures numbers aligned by what they count
 * @param timeline dated events, earliest first
 * @param dates every date expression found, in article order
 */
public record FactSheet(
    List<Entity> entities,
    List<Quote> quotes,
    List<FigureGroup> figures,
    List<TimelineEvent> timeline,
    List<DateMention> dates) {
  public FactSheet {
    entities = List.copyOf(entities);
    quotes = List.copyOf(quotes);
    figures = List.copyOf(figures);
    timeline = List.copyOf(timeline);
    dates = List.copyOf(dates);
  }

  /** Figure groups whose articles disagree. */
  public List<FigureGroup> disagreements() {
    return figures.stream().filter(FigureGroup::disagreement).toList();
  }
}
