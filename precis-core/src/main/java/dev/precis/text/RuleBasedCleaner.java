package dev.precis.text;

import java.util.ArrayList;
import java.util.List;

/** First-cut boilerplate cleaner: drops blank lines and lines repeating the title. */
public final class RuleBasedCleaner implements BoilerplateCleaner {
  @Override
  public CleanText clean(String knownTitle, String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    String title = knownTitle;
    List<String> kept = new ArrayList<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (title == null && kept.isEmpty()) {
        title = line;
        continue;
      }
      if (line.equalsIgnoreCase(title)) {
        continue;
      }
      kept.add(line);
    }
    return new CleanText(title, String.join("\n\n", kept));
  }
}
