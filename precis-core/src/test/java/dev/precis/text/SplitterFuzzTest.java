package dev.precis.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzzes the sentence splitter: any text, no exception, and spans that lie inside the text, in
 * order, without overlap.
 */
class SplitterFuzzTest {
  private static final RuleBasedSentenceSplitter SPLITTER = new RuleBasedSentenceSplitter();

  @FuzzTest(maxDuration = "5m")
  void split(String text) {
    if (text == null) {
      return; // the splitter takes text, never null
    }
    List<Span> spans = SPLITTER.split(text);
    int last = 0;
    for (Span s : spans) {
      if (s.start() < last || s.end() > text.length()) {
        throw new IllegalStateException("span " + s + " out of order or outside the text");
      }
      last = s.end();
    }
  }
}
