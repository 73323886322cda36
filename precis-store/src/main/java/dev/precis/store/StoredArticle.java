package dev.precis.store;

import dev.precis.model.Article;
import java.time.Instant;

/**
 * An article as stored.
 *
 * @param id database id
 * @param storyId the story it belongs to
 * @param article the cleaned article; offsets point into {@code article.text()}
 * @param ingestedAt when it was stored
 */
public record StoredArticle(long id, long storyId, Article article, Instant ingestedAt) {}
