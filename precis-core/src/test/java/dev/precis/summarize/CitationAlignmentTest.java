package dev.precis.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.model.Article;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.WordVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationAlignmentTest {
  private static CitationEvidence evidence(List<Document> docs, boolean vectors) {
    List<Sentence> all = new ArrayList<>();
    docs.forEach(d -> all.addAll(d.sentences()));
    return new CitationEvidence(
        all, docs.size(), 2.0, 0.5, vectors ? WordVectors.shared()::vector : null);
  }

  private static double feature(CitationEvidence e, Sentence s, int at, String name) {
    return e.features(e.probe(s), e.matchedTerms(at, false), at, false)[
        CitationEvidence.FEATURES.indexOf(name)];
  }

  @Test
  void wordsThatSayTheSameMeetThroughTheirVectorsAndUnrelatedOnesDoNot() {
    List<Document> docs =
        Precis.defaults()
            .split(
                List.of(
                    Article.of("a", "The foreign minister called the missile strike unlawful."),
                    Article.of("b", "The foreign minister said the missile strike was illegal."),
                    Article.of("c", "The foreign minister said the missile strike was costly.")));
    CitationEvidence e = evidence(docs, true);
    Sentence s = docs.get(0).sentences().get(0);
    int illegal = docs.get(0).sentences().size();
    int costly = illegal + docs.get(1).sentences().size();
    assertThat(feature(e, s, illegal, "align_mine"))
        .isGreaterThan(feature(e, s, costly, "align_mine"));
    assertThat(feature(e, s, illegal, "align_mine")).isLessThan(1);
    // without vectors the features are 0, so the model reads only the words themselves
    assertThat(feature(evidence(docs, false), s, illegal, "align_mine")).isZero();
  }
}
