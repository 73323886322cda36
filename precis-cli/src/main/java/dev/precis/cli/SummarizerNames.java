package dev.precis.cli;

import dev.precis.summarize.Summarizers;
import java.util.Iterator;

/** The accepted {@code --summarizer} names, for help ({@code ${COMPLETION-CANDIDATES}}). */
final class SummarizerNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Summarizers.names().iterator();
  }
}
