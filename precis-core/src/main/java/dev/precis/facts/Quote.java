package dev.precis.facts;

import dev.precis.model.Citation;
import java.util.List;

/**
 * A direct quotation, merged across the articles that carry it.
 *
 * @param text the longest version of the quotation, without quotation marks
 * @param speaker the name of the entity who said it, or {@code null} when no article says
 * @param variants other (partial or differently worded) versions carried by the articles
 * @param citations the sentences that carry a version of it, one or more per article
 */
public record Quote(String text, String speaker, List<String> variants, List<Citation> citations) {
  public Quote {
    variants = List.copyOf(variants);
    citations = List.copyOf(citations);
  }

  /** Distinct articles that carry the quotation. */
  public long outlets() {
    return citations.stream().mapToInt(Citation::document).distinct().count();
  }
}
