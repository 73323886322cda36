package dev.precis.cli;

import java.util.Iterator;

/** The accepted {@code --summarizer} names, for help ({@code ${COMPLETION-CANDIDATES}}). */
final class SummarizerNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return Main.PRECIS.summarizers().names().iterator();
  }
}
