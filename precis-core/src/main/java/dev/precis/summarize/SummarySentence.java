package dev.precis.summarize;

import dev.precis.model.Citation;
import dev.precis.text.Sentence;
import java.util.List;

/**
 * One sentence of a summary with every article that states the same content.
 *
 * @param text the sentence as shown (possibly cut when truncation was asked for)
 * @param origin the source sentence it was extracted from
 * @param citations the origin first, then other articles stating the same thing
 */
public record SummarySentence(String text, Sentence origin, List<Citation> citations) {
  public SummarySentence {
    citations = List.copyOf(citations);
  }
}
