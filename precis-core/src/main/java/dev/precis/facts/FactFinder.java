package dev.precis.facts;

/**
 * One kind of fact read from a story's articles: entities ({@link EntityExtractor}), quotations
 * ({@link QuoteExtractor}), figures ({@link NumberExtractor}) or dates ({@link DateExtractor}). The
 * fact-sheet builder ({@link FactExtractor}) asks each for its facts through one {@link
 * FoundFacts}; a finder that builds on another (quotations are attributed to the entities found)
 * asks the same {@code FoundFacts} for that one's result, so every kind is found once per story.
 *
 * <pre>{@code
 * FoundFacts story = new FoundFacts(docs);
 * List<Quote> quotes = story.of(new QuoteExtractor(new EntityExtractor()));
 * }</pre>
 *
 * @param <T> what this finder finds in a story
 */
interface FactFinder<T> {
  /** The facts of this kind in {@code story.docs()}; thread-safe. */
  T find(FoundFacts story);
}
