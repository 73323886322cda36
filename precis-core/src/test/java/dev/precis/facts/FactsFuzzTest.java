package dev.precis.facts;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.precis.Precis;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.time.Instant;
import java.util.List;

/**
 * Fuzzes the date, number and quote extractors on arbitrary text with an arbitrary (possibly
 * extreme) publication date: no exception of any kind.
 */
class FactsFuzzTest {
  private static final Precis PRECIS = Precis.defaults();

  private static final DateExtractor DATES = new DateExtractor();
  private static final NumberExtractor NUMBERS = new NumberExtractor();
  private static final QuoteExtractor QUOTES = new QuoteExtractor(new EntityExtractor());

  private static List<Document> docs(FuzzedDataProvider data) {
    Instant published =
        data.consumeBoolean()
            ? null
            : Instant.ofEpochSecond(data.consumeLong(-31557014167219200L, 31556889864403199L));
    String text = data.consumeRemainingAsString();
    return PRECIS.split(
        List.of(new Article("fuzz", null, text, null, null, published, null, "fuzz")));
  }

  @FuzzTest(maxDuration = "5m")
  void dates(FuzzedDataProvider data) {
    List<Document> docs = docs(data);
    Timeline.of(docs, DATES.find(new FoundFacts(docs)));
  }

  @FuzzTest(maxDuration = "5m")
  void numbers(FuzzedDataProvider data) {
    List<Document> docs = docs(data);
    FigureAligner.align(NUMBERS.find(docs.get(0)));
  }

  @FuzzTest(maxDuration = "5m")
  void quotes(FuzzedDataProvider data) {
    List<Document> docs = docs(data);
    QUOTES.find(new FoundFacts(docs));
  }
}
