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
      // a first short line without a final stop is a headline; a long one is body text
      if (title == null && kept.isEmpty() && Words.count(line) <= 25
          && !line.endsWith(".") && lines.length > 1) {
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
