package dev.precis.summarize;

import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts chosen sentences in reading order. When every article involved has a publication date, older
 * articles come first (events in the order they were reported); otherwise sentences go by their
 * position in their article, so leads come before details, ties by article order. Consecutive
 * sentences of one article stay together, so a sentence that continues the one before it ("He
 * said...") always follows it.
 */
public final class SummaryOrder {
  private SummaryOrder() {}

  /** The sentences in reading order. */
  public static List<Sentence> order(List<Sentence> chosen, List<Document> documents) {
    if (chosen.size() <= 1) {
      return List.copyOf(chosen);
    }
    boolean dated = chosen.stream().allMatch(s -> published(s, documents) != null);
    List<Sentence> sorted = new ArrayList<>(chosen);
    sorted.sort(Comparator.comparingInt(Sentence::document).thenComparingInt(Sentence::index));
    // runs of consecutive sentences from one article move as one block
    List<List<Sentence>> runs = new ArrayList<>();
    for (Sentence s : sorted) {
      List<Sentence> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      Sentence prev = last == null ? null : last.get(last.size() - 1);
      if (prev != null && prev.document() == s.document() && prev.index() + 1 == s.index()) {
        last.add(s);
      } else {
        List<Sentence> run = new ArrayList<>();
        run.add(s);
        runs.add(run);
      }
    }
    Comparator<List<Sentence>> byPosition =
        Comparator.<List<Sentence>>comparingInt(r -> r.get(0).index())
            .thenComparingInt(r -> r.get(0).document());
    Comparator<List<Sentence>> order =
        dated
            ? Comparator.<List<Sentence>, Instant>comparing(r -> published(r.get(0), documents))
                .thenComparingInt(r -> r.get(0).document())
                .thenComparingInt(r -> r.get(0).index())
            : byPosition;
    runs.sort(order);
    List<Sentence> out = new ArrayList<>(chosen.size());
    runs.forEach(out::addAll);
    return out;
  }

  private static Instant published(Sentence s, List<Document> documents) {
    int d = s.document();
    return d >= 0 && d < documents.size() ? documents.get(d).article().published() : null;
  }
}
