package dev.precis.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.Precis;
import dev.precis.ingest.RawArticle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A citation must not credit an article that states a different figure (found by QA). */
class CitationNumbersTest {
  @Test
  void sentencesDifferingOnlyInAFigureDoNotCiteEachOther() {
    Summary summary =
        Precis.defaults()
            .summarize(
                List.of(
                    RawArticle.ofText(
                        "a",
                        "The attack in the northern town killed 87 people, including many children,"
                            + " officials said on Tuesday.\nThe government denied any role in the attack."),
                    RawArticle.ofText(
                        "b",
                        "The attack in the northern town killed 20 people, including many children,"
                            + " officials said on Tuesday.\nRescue teams searched the rubble for survivors.")),
                SummaryOptions.defaults());
    for (SummarySentence s : summary.sentences()) {
      assertThat(s.citations()).hasSize(1);
    }
  }

  @Test
  void theSameFigureWrittenWithAThousandsSeparatorStillMatches() {
    Summary summary =
        Precis.defaults()
            .summarize(
                List.of(
                    RawArticle.ofText(
                        "a",
                        "The six-year war in Syria has killed more than 300,000 people and uprooted"
                            + " millions more, monitors said."),
                    RawArticle.ofText(
                        "b",
                        "The six-year war in Syria has killed more than 300000 people and uprooted"
                            + " millions more, monitors said on Monday.")),
                SummaryOptions.defaults().withWords(20));
    assertThat(summary.sentences().get(0).citations()).hasSize(2);
  }

  @Test
  void everySpelledNumberFromTwoToNinetyNineIsReadAsItsFigureAndWordsAloneAreNot() {
    String[] units = {
      "",
      "",
      "two",
      "three",
      "four",
      "five",
      "six",
      "seven",
      "eight",
      "nine",
      "ten",
      "eleven",
      "twelve",
      "thirteen",
      "fourteen",
      "fifteen",
      "sixteen",
      "seventeen",
      "eighteen",
      "nineteen"
    };
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int n = 2; n < 100; n++) {
      String word =
          n < 20
              ? units[n]
              : tens[n / 10 - 2]
                  + (n % 10 == 0
                      ? ""
                      : "-"
                          + new String[] {
                                "", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                "nine"
                              }
                              [n % 10]);
      String capital = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      assertThat(CitationFigures.figures("Rescuers found " + word + " boats on Tuesday."))
          .as(word)
          .containsEntry(String.valueOf(n), "boat");
      assertThat(CitationFigures.figures(capital + " boats were found.")).containsKey("" + n);
    }
    assertThat(CitationFigures.figures("Rescuers found the boats on Tuesday.")).isEmpty();
    assertThat(CitationFigures.figures("Rescuers found one boat, then none.")).isEmpty();
    assertThat(CitationFigures.figures("Rescuers found 2 boats.")).containsEntry("2", "boat");
  }
}
