package dev.precis.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CitationFinderTest {
  /**
   * The finder at a recall-leaning operating point of the shipped model (tune precision about 0.85
   * instead of the shipped 0.95): these clusters of three or four short articles give the
   * same-story features little to go on, so the shipped threshold cites only near-identical
   * sentences there; the matching rules under test (offsets, pairs, figures) are the same.
   */
  private static CitationFinder balanced() {
    return new CitationFinder(CitationFinder.Params.defaults().withThreshold(0.5));
  }

  /**
   * One claim three ways: "a" states it, "b" is a lower-cased, tokenised copy, "c" says it in other
   * order and voice.
   */
  private static List<Article> ceasefireReports() {
    return List.of(
        Article.of(
            "a",
            "Officials met on Monday. The U.S. and Russia agreed to a ceasefire in "
                + "southern Syria starting Sunday, officials said."),
        Article.of(
            "b",
            "Weather was mild. The u.s . and russia agreed to a ceasefire in southern "
                + "syria starting sunday , two officials said ."),
        Article.of(
            "c",
            "A ceasefire in southern Syria was agreed by the U.S. and Russia, "
                + "starting on Sunday."));
  }

  @Test
  void theShippedOperatingPointCitesANearIdenticalSentenceAndAParaphraseInATinyCluster() {
    List<Document> docs = Precis.defaults().split(ceasefireReports());
    Sentence s = docs.get(0).sentences().get(1);
    // "c" states it in other order and voice; every other article has a candidate (the "echo"
    // features), which the shipped model reads as a claim the cluster repeats
    assertThat(new CitationFinder().cite(s, docs))
        .extracting(Citation::document)
        .containsExactly(0, 1, 2);
  }

  @Test
  void citesEveryArticleWithTheSameOrANearIdenticalSentence() {
    List<Document> docs =
        Precis.defaults()
            .split(
                Stream.concat(
                        ceasefireReports().stream(),
                        Stream.of(
                            Article.of("d", "Russia said nothing about Syria. The U.S. agreed.")))
                    .toList());
    Sentence s = docs.get(0).sentences().get(1);
    List<Citation> cites = new CitationFinder().cite(s, docs);
    assertThat(cites)
        .extracting(Citation::document)
        .containsExactly(0, 1, 2); // not "d": it shares words, not the statement
    Citation b = cites.get(1);
    assertThat(docs.get(1).article().text().substring(b.start(), b.end()))
        .startsWith("The u.s . and russia agreed");
  }

  @Test
  void aParaphraseIsCitedButADifferentFigureIsADisagreement() {
    List<Document> docs =
        Precis.defaults()
            .split(
                List.of(
                    Article.of(
                        "a",
                        "Fifty-two people were killed when four suicide bombers attacked three "
                            + "London Underground trains and a bus on July 7, 2005."),
                    Article.of(
                        "b",
                        "Four suicide bombers killed 52 people on three Underground trains and a "
                            + "bus in London on July 7, 2005, police said."),
                    Article.of(
                        "c",
                        "Four suicide bombers killed 56 people on three Underground trains and a "
                            + "bus in London on July 7, 2005, police said.")));
    Sentence s = docs.get(0).sentences().get(0);
    assertThat(balanced().cite(s, docs))
        .extracting(Citation::document)
        .containsExactly(0, 1); // "c" says 56 killed: not support
  }

  @Test
  void anArticleThatSplitsTheStatementInTwoIsCitedWithBothSentences() {
    List<Document> docs =
        Precis.defaults()
            .split(
                List.of(
                    Article.of(
                        "a",
                        "Officials met on Monday. The United States and Russia agreed to a "
                            + "ceasefire in southern Syria starting Sunday, after talks in Amman, officials said."),
                    Article.of(
                        "b",
                        "Weather was mild. The United States and Russia agreed to a ceasefire in "
                            + "southern Syria. It starts Sunday, after talks in Amman, officials said. Markets rose.")));
    Sentence s = docs.get(0).sentences().get(1);
    List<Citation> cites = new CitationFinder().cite(s, docs);
    assertThat(cites).extracting(Citation::document).containsExactly(0, 1);
    Citation b = cites.get(1);
    assertThat(docs.get(1).article().text().substring(b.start(), b.end()))
        .isEqualTo(
            "The United States and Russia agreed to a ceasefire in southern Syria. "
                + "It starts Sunday, after talks in Amman, officials said.");
  }

  @Test
  void exampleCitationsPointAtSentencesThatShareTheContent() {
    List<Document> docs = SummaryFixtures.example();
    CitationFinder.Index index = new CitationFinder().index(docs);
    int multi = 0;
    Set<String> citedPairs = new HashSet<>();
    for (Document d : docs) {
      for (Sentence s : d.sentences()) {
        List<Citation> cites = index.cite(s);
        assertThat(cites.get(0)).isEqualTo(new Citation(s.document(), s.start(), s.end()));
        for (Citation c : cites.subList(1, cites.size())) {
          String other = docs.get(c.document()).article().text().substring(c.start(), c.end());
          assertThat(CitationFinder.bigrams(other))
              .as(other)
              .containsAnyElementsOf(CitationFinder.bigrams(s.text()));
          multi++;
          if (s.text().contains("reign of the Assad family")
              && other.contains("reign of the Assad family")) {
            citedPairs.add("reign");
          }
          if (s.text().contains("Putin is backing a person")
              && other.contains("Putin is backing a person")) {
            citedPairs.add("putin");
          }
        }
      }
    }
    // the example's articles quote the same statements in different words
    assertThat(citedPairs).containsExactlyInAnyOrder("reign", "putin");
    assertThat(multi).isGreaterThanOrEqualTo(4);
  }

  @Test
  void theExamplesUnlawfulSentenceRanksTheArticleThatReportsItFirstButBelowTheThreshold() {
    List<Document> docs = SummaryFixtures.example();
    CitationFinder.Index index = new CitationFinder().index(docs);
    Sentence unlawful =
        docs.stream()
            .flatMap(d -> d.sentences().stream())
            .filter(s -> s.text().startsWith("The Russian minister opened the talks"))
            .findFirst()
            .orElseThrow();
    double[] scores = index.scores(unlawful);
    // 003 reports Lavrov calling the strike "unlawful": the best of the other articles, but the
    // match needs "the Russian minister" = Lavrov and "U.S." = "American", so at the shipped
    // precision-first threshold it is not cited (README "Citations": not done)
    int best = 0;
    for (int d = 1; d < scores.length; d++) {
      best = scores[d] > scores[best] ? d : best;
    }
    assertThat(best).isEqualTo(3);
    assertThat(scores[3]).isLessThan(CitationModel.shipped().threshold());
    assertThat(index.cite(unlawful)).extracting(Citation::document).containsExactly(2);
  }

  @Test
  void candidatesLeftUnalignedBecauseTheyCannotReachTheThresholdChangeNoCitation() {
    // cite() skips the alignment features of a candidate whose score stays below the threshold at
    // any alignment; scores() judges every candidate in full. Every sentence of the example, at
    // the shipped threshold and around it: an article is cited exactly when its full score is at
    // least the threshold.
    List<Document> docs = SummaryFixtures.example();
    int cited = 0;
    for (double t : new double[] {0.3, 0.5, CitationModel.shipped().threshold(), 0.95}) {
      CitationFinder.Index index =
          new CitationFinder(CitationFinder.Params.defaults().withThreshold(t)).index(docs);
      for (Document d : docs) {
        for (Sentence s : d.sentences()) {
          double[] full = index.scores(s);
          Set<Integer> expected = new HashSet<>();
          for (int k = 0; k < full.length; k++) {
            if (k != s.document() && full[k] >= t) {
              expected.add(k);
            }
          }
          List<Citation> cites = index.cite(s);
          Set<Integer> got = new HashSet<>();
          cites.subList(1, cites.size()).forEach(c -> got.add(c.document()));
          assertThat(got).as(t + ": " + s.text()).isEqualTo(expected);
          cited += got.size();
        }
      }
    }
    assertThat(cited).isGreaterThan(20);
  }
}
