package dev.precis.facts;

import dev.precis.text.Document;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A story's articles and the facts found in them so far, one result per {@link FactFinder}: each
 * finder runs at most once, whoever asks first. Not thread-safe: one per story and thread.
 */
final class FoundFacts {
  private final List<Document> docs;
  private final Map<FactFinder<?>, Object> found = new HashMap<>();

  FoundFacts(List<Document> docs) {
    this.docs = List.copyOf(docs);
  }

  /** The story's articles, indexed as citations expect. */
  List<Document> docs() {
    return docs;
  }

  /** What {@code finder} finds in this story, found now unless it already was. */
  @SuppressWarnings("unchecked") // each value is stored under the finder that produced it
  <T> T of(FactFinder<T> finder) {
    Object result = found.get(finder);
    if (result == null) {
      // not computeIfAbsent: a finder may ask for another's result while it runs
      result = finder.find(this);
      found.put(finder, result);
    }
    return (T) result;
  }
}
