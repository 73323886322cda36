package dev.precis.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.eval.SplitterEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBasedSentenceSplitterTest {
  private static final Path ROOT = Path.of(System.getProperty("precis.root", "."));
  private final RuleBasedSentenceSplitter splitter = new RuleBasedSentenceSplitter();

  private List<String> split(String text) {
    return splitter.split(text).stream().map(s -> s.of(text)).toList();
  }

  @Test
  void usSecretaryOfStateStaysOneSentence() throws IOException {
    String text =
        Files.readString(ROOT.resolve("examples/tillerson-lavrov-2017/001_ca37071262df76cd.txt"));
    String body = new RuleBasedCleaner().clean(null, text).text();
    List<String> sentences = split(body);
    assertThat(sentences)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("Tension between Russia and the West")
                    .contains(
                        "as U.S. Secretary of State Rex Tillerson flew to Moscow on the"
                            + " highest-level visit"));
    assertThat(sentences).noneMatch(s -> s.startsWith("Secretary of State Rex Tillerson flew"));
  }

  @Test
  void abbreviationsInitialsAndDecimalsDoNotEndSentences() {
    // MultiLing M001 and M009, Multi-News validation, as the cleaner outputs them
    assertThat(
            split(
                "The men arrive at King's Cross at 8:55 a.m. and are seen at Baker Steet at"
                    + " midday"))
        .hasSize(1);
    assertThat(
            split(
                "US embassy personnel were \"literally in the dark\" due to power failures, said"
                    + " State Department spokesman P. J. Crowley. \"They reported structures"
                    + " down."))
        .hasSize(2);
    assertThat(
            split(
                "Japanese Prime Minister Junichiro Koizumi announced a half-billion dollar"
                    + " donation on Saturday, Jan. 1. China has promised 60.5 million USD."))
        .containsExactly(
            "Japanese Prime Minister Junichiro Koizumi announced a half-billion dollar donation on"
                + " Saturday, Jan. 1.",
            "China has promised 60.5 million USD.");
    assertThat(split("Lt. Col. Mark Ballesteros, a Pentagon spokesman, said Gen. Smith agreed."))
        .hasSize(1);
    assertThat(split("It reached a magnitude of 5.5. USGS updated their information later."))
        .hasSize(2);
  }

  @Test
  void ambiguousAbbreviationEndsSentenceOnlyBeforeAnOpener() {
    assertThat(split("The attack was blamed on the U.S. The next day Russia vetoed it."))
        .hasSize(2);
    assertThat(split("He flew to the U.S. Capitol on Monday.")).hasSize(1);
    assertThat(split("madison, wis. ( ap ) — a missing wisconsin girl's parents were found dead."))
        .hasSize(1);
  }

  @Test
  void gluedTypoAndListNumbersStayInside() {
    assertThat(
            split(
                "The U.S. says the United Nations doesn't need action from the U.S.to"
                    + " investigate because mechanisms exist."))
        .hasSize(1);
    assertThat(split("1. One afternoon in late march, a boy named jack was sick.")).hasSize(1);
  }

  @Test
  void quotationsAndParentheses() {
    assertThat(
            split(
                "\"We cannot let this happen again,\" he said. \"We want to relieve the"
                    + " suffering.\""))
        .containsExactly(
            "\"We cannot let this happen again,\" he said.",
            "\"We want to relieve the suffering.\"");
    assertThat(split("He was referring to the watchdog (the OPCW.) Putin also spoke."))
        .containsExactly("He was referring to the watchdog (the OPCW.)", "Putin also spoke.");
  }

  @Test
  void spacedClosingQuotesOfTokenisedTextJoinTheirSentence() {
    // Multi-News mn-val-46601/0: a quotation over several sentences, quotes as tokens
    String text =
        "protesters chanted: \" we will not shut up. We will not obey. Withdraw the bill"
            + " immediately! \" there were demonstrations in other cities including izmir and"
            + " trabzon. The law would allow the release of men accused of abusing underage girls"
            + " if they marry their victims, and critics say that it will legitimise child rape in"
            + " the country.";
    assertThat(split(text))
        .containsExactly(
            "protesters chanted: \" we will not shut up.",
            "We will not obey.",
            "Withdraw the bill immediately! \"",
            "there were demonstrations in other cities including izmir and trabzon.",
            "The law would allow the release of men accused of abusing underage girls if they marry"
                + " their victims, and critics say that it will legitimise child rape in the"
                + " country.");
  }

  @Test
  void lowerCasedCorpusSplitsBeforeLowerCaseWordsAfterQuestions() {
    String text =
        "Which dresses did you find god-awful this decade? what were the worst dresses of the"
            + " decade? find a picture, click the participate button and send it to us. we will"
            + " publish the best ones next week, and the editors said it would be a fun thing to"
            + " do. the vote closes on friday and the results will be published in the magazine in"
            + " the new year, when the editors come back from their long holiday in the country.";
    assertThat(RuleBasedSentenceSplitter.isCaseless(text)).isTrue();
    assertThat(split(text)).hasSize(5);
    String normal =
        "Why? he asked. Nobody answered the question that day, and the room fell silent.";
    assertThat(split(normal)).hasSize(2);
  }

  @Test
  void headlinesWithoutFinalStopAreOwnSentences() {
    assertThat(
            split("Tillerson Pushes Russia To Pick A Side\nWASHINGTON (CBSMiami) - Talks began."))
        .containsExactly(
            "Tillerson Pushes Russia To Pick A Side", "WASHINGTON (CBSMiami) - Talks began.");
  }

  @Test
  void ellipsesEndSentencesOnlyBeforeCapitals() {
    assertThat(split("Ladies and gentlemen... Herewith we present our picks.")).hasSize(2);
    assertThat(
            split(
                "he failed to recognize the hazard in front of her \u2026 did not apply the"
                    + " brakes."))
        .hasSize(1);
  }

  @Test
  void mangledCurlyQuotesAreNotQuestionMarks() {
    // Multi-News mn-val-46796/2: curly quotes decoded as U+FFFD followed by '?'
    String text =
        "The sheriff's office says he \"became combative\ufffd? while being booked on charges.";
    assertThat(split(text)).hasSize(1);
  }

  @Test
  void spansAreOrderedTrimmedAndLoseNoTextOnRealArticles() throws IOException {
    RuleBasedCleaner cleaner = new RuleBasedCleaner();
    List<String> texts = new java.util.ArrayList<>();
    try (var files = Files.list(ROOT.resolve("examples/tillerson-lavrov-2017"))) {
      for (Path f : files.sorted().toList()) {
        texts.add(cleaner.clean(null, Files.readString(f)).text());
      }
    }
    for (SplitterEvaluation.Paragraph p :
        SplitterEvaluation.load(ROOT.resolve("datasets/sentences"))) {
      texts.add(p.text());
    }
    texts.add("");
    texts.add("  \n\n ");
    texts.add("...?!\"");
    for (String text : texts) {
      List<Span> spans = splitter.split(text);
      int previousEnd = 0;
      StringBuilder letters = new StringBuilder();
      for (Span s : spans) {
        assertThat(s.start()).isGreaterThanOrEqualTo(previousEnd);
        assertThat(s.length()).isPositive();
        assertThat(Character.isWhitespace(text.charAt(s.start()))).isFalse();
        assertThat(Character.isWhitespace(text.charAt(s.end() - 1))).isFalse();
        letters.append(s.of(text).replaceAll("\\s+", ""));
        previousEnd = s.end();
      }
      assertThat(letters.toString()).isEqualTo(text.replaceAll("\\s+", ""));
    }
  }

  @Test
  void labelledSetScoresAtLeastTheRecordedLevel() {
    List<SplitterEvaluation.Paragraph> gold =
        SplitterEvaluation.load(ROOT.resolve("datasets/sentences"));
    SplitterEvaluation.Counts all = SplitterEvaluation.run(gold, splitter).counts().get("all");
    assertThat(all.f1()).isGreaterThan(0.98);
    SplitterEvaluation.Counts regex =
        SplitterEvaluation.run(gold, new RegexSentenceSplitter()).counts().get("all");
    assertThat(all.f1()).isGreaterThan(regex.f1());
  }
}
