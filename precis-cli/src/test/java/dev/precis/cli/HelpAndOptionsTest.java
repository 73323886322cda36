package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Help that reads well (issue 14, point 7) and one set of option checks (point 6). */
class HelpAndOptionsTest {
  @TempDir Path dir;

  private static final List<String> COMMANDS =
      new CommandLine(new Main())
          .getSubcommands().keySet().stream().filter(c -> !c.equals("help")).toList();

  /** Words of the help text once the wrapping is undone: no word may be cut across lines. */
  private static Set<String> words(String help) {
    return Arrays.stream(help.split("\\s+")).collect(Collectors.toSet());
  }

  @Test
  void everyDescriptionWordSurvivesWrappingIntact() {
    for (String name : COMMANDS) {
      CommandSpec spec = new CommandLine(new Main()).getSubcommands().get(name).getCommandSpec();
      Set<String> expected = new HashSet<>();
      for (String line : spec.usageMessage().description()) {
        expected.addAll(words(String.format(line)));
      }
      for (OptionSpec o : spec.options()) {
        for (String line : o.description()) {
          if (!line.contains("${")) {
            expected.addAll(words(line));
          }
        }
      }
      expected.remove("");
      Set<String> shown = words(CliRun.of(name, "--help").out());
      assertThat(shown).as("help of %s", name).containsAll(expected);
    }
  }

  @Test
  void commandListShowsWholeFirstSentences() {
    String help = CliRun.of("--help").out();
    for (String name : COMMANDS) {
      String first =
          new CommandLine(new Main())
              .getSubcommands()
              .get(name)
              .getCommandSpec()
              .usageMessage()
              .description()[0];
      assertThat(first).as(name).endsWith(".");
      assertThat(help.replaceAll("\\s+", " ")).contains(name + " " + first);
    }
  }

  @Test
  void bareCommandPrintsHelp() {
    CliRun run = CliRun.of();
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: precis").contains("summarize");
  }

  @Test
  void unknownCommandSuggestsTheRootHelp() {
    CliRun run = CliRun.of("sumarize");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown command 'sumarize'").contains("Try 'precis --help'");
    assertThat(run.err()).doesNotContain("precis precis");
  }

  @Test
  void everyCommandPrintsTheVersion() {
    assertThat(CliRun.of("-V").out()).contains("precis 0.1.0");
    for (String name : COMMANDS) {
      assertThat(CliRun.of(name, "-V").out()).as(name).contains("precis 0.1.0");
    }
  }

  @Test
  void summarizerHelpListsTheAcceptedNames() {
    for (String name : List.of("summarize", "stories", "ingest", "serve")) {
      assertThat(CliRun.of(name, "--help").out().replaceAll("\\s+", " "))
          .as(name)
          .contains("default, coverage, lead, random, lexrank, textrank, centroid, mmr");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2"})
  void threadCountsBelowOneAreRefusedByEveryCommand(String n) {
    for (List<String> args :
        List.of(
            List.of("summarize", "x"),
            List.of("stories", "x"),
            List.of("extract", "x"),
            List.of("eval", "--dataset", "x"),
            List.of("serve"))) {
      String[] argv = new String[args.size() + 2];
      args.toArray(argv);
      argv[args.size()] = "--threads";
      argv[args.size() + 1] = n;
      CliRun run = CliRun.of(argv);
      assertThat(run.code()).as(args.get(0)).isEqualTo(2);
      assertThat(run.err()).as(args.get(0)).contains("'--threads': must be at least 1, got " + n);
    }
  }

  @Test
  void negativeMinArticlesIsRefused() {
    CliRun run = CliRun.of("stories", "--min-articles", "-3", "x");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("'--min-articles': must be at least 1, got -3");
  }

  @Test
  void explainReadsLatin1LikeSummarize() throws IOException {
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(
        latin1,
        "The caf\u00e9 in Z\u00fcrich reopened on Monday after the floods, its owner said."
            .getBytes(StandardCharsets.ISO_8859_1));
    CliRun run = CliRun.of("eval-text", "--explain", latin1.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("caf\u00e9 in Z\u00fcrich");
  }

  @Test
  void binaryFilesAreRefusedByExplainAndRouge() throws IOException {
    Path bin = dir.resolve("image.txt");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2});
    Path ref = dir.resolve("ref.txt");
    Files.writeString(ref, "A reference sentence.\n");
    for (CliRun run :
        List.of(
            CliRun.of("eval-text", "--explain", bin.toString()),
            CliRun.of("rouge", "--candidate", bin.toString(), "--reference", ref.toString()))) {
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err().strip()).isEqualTo("precis: error: " + bin + ": binary file, not text");
    }
  }

  @Test
  void plainPageNamedGzIsReadByExtractAsBySummarize() throws IOException {
    Path page = dir.resolve("page.html.gz");
    Files.writeString(
        page,
        "<html><body><article><p>Officials met in Geneva on Monday to discuss the ceasefire."
            + " The talks lasted six hours and ended without an agreement.</p></article>"
            + "</body></html>");
    CliRun extract = CliRun.of("extract", page.toString());
    assertThat(extract.code()).as(extract.err()).isZero();
    assertThat(extract.out()).contains("Officials met in Geneva");
    CliRun summarize = CliRun.of("summarize", page.toString());
    assertThat(summarize.code()).as(summarize.err()).isZero();
    assertThat(summarize.out()).contains("Officials met in Geneva");
  }
}
