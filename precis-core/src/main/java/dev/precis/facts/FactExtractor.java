package dev.precis.facts;

import dev.precis.text.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link FactSheet} from split articles: entities, quotations with speakers, figures
 * aligned across articles (with disagreements), and a timeline. Rule-based, no model files;
 * thread-safe.
 *
 * <pre>{@code
 * FactSheet sheet = FactExtractor.standard().extract(Precis.defaults().split(articles));
 * }</pre>
 */
public final class FactExtractor {
  private static final FactExtractor STANDARD = new FactExtractor();

  private final EntityExtractor entities = new EntityExtractor();
  private final QuoteExtractor quotes = new QuoteExtractor();
  private final NumberExtractor numbers = new NumberExtractor();
  private final DateExtractor dates = new DateExtractor();

  /** The shared default extractor. */
  public static FactExtractor standard() {
    return STANDARD;
  }

  /** The fact sheet of one story: {@code docs} are its articles, indexed as citations expect. */
  public FactSheet extract(List<Document> docs) {
    EntityExtractor.Result found = entities.extract(docs);
    List<Quote> quoteList = quotes.extract(docs, found);
    List<Figure> figures = new ArrayList<>();
    for (Document d : docs) {
      figures.addAll(numbers.find(d));
    }
    List<DateMention> dateList = dates.find(docs);
    return new FactSheet(
        found.entities(),
        quoteList,
        FigureAligner.align(figures),
        DateExtractor.timeline(docs, dateList),
        dateList);
  }

  // package-private views for the evaluation
  EntityExtractor.Result entities(List<Document> docs) {
    return entities.extract(docs);
  }

  List<Figure> figures(Document d) {
    return numbers.find(d);
  }
}
