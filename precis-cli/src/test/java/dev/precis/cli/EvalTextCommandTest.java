package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvalTextCommandTest {
  private static final Path ROOT = Path.of(System.getProperty("precis.root", "."));

  @Test
  void printsCleanerAndSplitterTablesForDevAndHeldOutSets() {
    CliRun run =
        CliRun.of(
            "eval-text",
            "--cleaner-set",
            ROOT.resolve("datasets/cleaner").toString(),
            "--sentence-set",
            ROOT.resolve("datasets/sentences").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("| RuleBasedCleaner | dev | all | 340 |")
        .contains("| RuleBasedCleaner | held-out | all | 116 |")
        .contains("| RuleBasedSentenceSplitter (Precis) | dev | all | 556 |")
        .contains("| RegexSentenceSplitter (baseline) | held-out | all | 205 |")
        .contains("| OpenNLP en-sent 1.3.0 | dev | all | 556 |");
    assertThat(run.err()).doesNotContain("SLF4J");
  }

  @Test
  void explainsEveryLineOfAFile() {
    CliRun run =
        CliRun.of(
            "eval-text",
            "--explain",
            ROOT.resolve("examples/tillerson-lavrov-2017/001_ca37071262df76cd.txt").toString());
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("title: West-Russia Tensions Rise Over Syria As Tillerson Flies To Moscow")
        .contains("drop  [navigation or label] Accessibility links")
        .contains("drop  [media player] 0:00 0:01:59 0:00")
        .contains("keep  Tension between Russia and the West");
  }

  @Test
  void missingDatasetIsAOneLineError() {
    CliRun run = CliRun.of("eval-text", "--cleaner-set", "no/such/dir");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("precis: error: no labelled cleaner set in no/such/dir");
    CliRun explain = CliRun.of("eval-text", "--explain", "no/such/file.txt");
    assertThat(explain.code()).isEqualTo(2);
    assertThat(explain.err()).startsWith("precis: error: no/such/file.txt: no such file");
  }
}
