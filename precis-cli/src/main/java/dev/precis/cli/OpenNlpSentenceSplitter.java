package dev.precis.cli;

import dev.precis.text.SentenceSplitter;
import dev.precis.text.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * OpenNLP's maximum-entropy sentence detector with the English UD-EWT model from Maven Central, for
 * comparison in {@code precis eval-text}. Line breaks end sentences, as in Precis's splitter.
 */
final class OpenNlpSentenceSplitter implements SentenceSplitter {
  private static final String MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  private final SentenceModel model;

  private OpenNlpSentenceSplitter(SentenceModel model) {
    this.model = model;
  }

  static OpenNlpSentenceSplitter english() {
    try (InputStream in = OpenNlpSentenceSplitter.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IllegalStateException("OpenNLP model " + MODEL + " not on the class path");
      }
      return new OpenNlpSentenceSplitter(new SentenceModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<Span> split(String text) {
    SentenceDetectorME detector = new SentenceDetectorME(model); // not thread-safe: one per call
    List<Span> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        String line = text.substring(start, i);
        for (opennlp.tools.util.Span s : detector.sentPosDetect(line)) {
          out.add(new Span(start + s.getStart(), start + s.getEnd()));
        }
        start = i + 1;
      }
    }
    return out;
  }
}
