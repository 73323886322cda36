package dev.precis.facts;

import dev.precis.model.Citation;
import java.util.List;

/**
 * A person, organisation or place mentioned across a story, with every form it appeared in.
 *
 * @param name the fullest name seen ("Sergey Lavrov")
 * @param type person, organisation or place
 * @param forms every distinct surface form merged into it ("Sergei Lavrov", "Lavrov", "the Russian
 *     foreign minister"), most frequent first
 * @param roles titles and roles as the articles state them ("Russian Foreign Minister")
 * @param mentions how many times it is mentioned in all articles
 * @param documents how many articles mention it
 * @param citations the sentences that mention it, at most one per article and sentence
 */
public record Entity(
    String name,
    EntityType type,
    List<String> forms,
    List<String> roles,
    int mentions,
    int documents,
    List<Citation> citations) {
  public Entity {
    forms = List.copyOf(forms);
    roles = List.copyOf(roles);
    citations = List.copyOf(citations);
  }
}
