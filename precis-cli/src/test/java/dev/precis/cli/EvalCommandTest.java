package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precis rouge} and {@code precis eval} as a user runs them. */
class EvalCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of(System.getProperty("precis.root", ".."));
  private static final Path MULTILING = ROOT.resolve("../shared/data/multiling2011-en");

  @TempDir Path dir;

  @Test
  void rougeScoresAFileAgainstReferencesLikeTheOfficialScript() throws Exception {
    // the published per-evaluation ROUGE-2 of system ID1 on topic M001 (englishDetailed.txt:
    // "Eval 3.ID1 R:0.12500 ..." for ROUGE-2 with -n 2 -2 4 -u, no stemming)
    CliRun run =
        CliRun.of(
            "rouge",
            "--candidate",
            MULTILING.resolve("peers/ID1/M001").toString(),
            "--reference",
            MULTILING.resolve("models/M001.A.250").toString(),
            MULTILING.resolve("models/M001.B.250").toString(),
            MULTILING.resolve("models/M001.C.250").toString(),
            "--rouge",
            "-n 2 -2 4 -u -x",
            "--format",
            "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode scores = JSON.readTree(run.out()).get("scores");
    assertThat(scores.get("ROUGE-1").get("R").asDouble()).isEqualTo(0.40423);
    assertThat(scores.get("ROUGE-1").get("P").asDouble()).isEqualTo(0.39535);
    assertThat(scores.get("ROUGE-1").get("F").asDouble()).isEqualTo(0.39974);
    assertThat(scores.has("ROUGE-SU4")).isTrue();

    CliRun text =
        CliRun.of(
            "rouge",
            "--candidate",
            MULTILING.resolve("peers/ID1/M001").toString(),
            "--reference",
            MULTILING.resolve("models/M001.A.250").toString(),
            "--words",
            "100");
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("-n 4 -m -l 100 -2 4 -u").contains("ROUGE-L    R 0.");
  }

  @Test
  void rougeOnFoldersPrintsTheSystemAverageWithItsInterval() {
    CliRun run =
        CliRun.of(
            "rouge",
            "--candidate",
            MULTILING.resolve("peers/ID2").toString(),
            "--reference",
            MULTILING.resolve("models").toString(),
            "--rouge",
            "-n 2 -2 4 -u -x");
    assertThat(run.code()).as(run.err()).isZero();
    // published ID2 ROUGE-2 recall: 0.17052 (95%-conf.int. 0.13907 - 0.19926); the mean of the
    // resamples moves slightly with the order of the topic ids
    assertThat(run.out())
        .containsPattern("ROUGE-2 Average_R: 0\\.17\\d{3} \\(95%-conf\\.int\\. 0\\.1");
    assertThat(run.out()).contains("ROUGE-SU4 Average_F:");
  }

  @Test
  void evalPrintsTheTableAndWritesJsonCsvAndSummaries() throws Exception {
    Path data = ROOT.resolve("precis-eval/src/test/resources/duc-style");
    Path out = dir.resolve("results");
    CliRun run =
        CliRun.of(
            "eval",
            "--dataset",
            data.toString(),
            "--summarizers",
            "lead,lexrank,oracle",
            "--words",
            "20",
            "--threads",
            "2",
            "--output-dir",
            out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("2 clusters, budget 20 words, ROUGE-1.5.5 -n 4 -m -l 20 -2 4 -u")
        .contains("| summarizer | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-SU4 | words | ms/cluster |")
        .contains("| lead |")
        .contains("| oracle | ROUGE-SU4 |");
    JsonNode json = JSON.readTree(out.resolve("results.json").toFile());
    assertThat(json.get("systems")).hasSize(3);
    assertThat(
            json.get("systems")
                .get(2)
                .get("scores")
                .get("ROUGE-2")
                .get("recall")
                .get("mean")
                .asDouble())
        .isGreaterThan(0);
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertThat(csv).hasSize(1 + 3 * 6);
    assertThat(csv.get(0)).startsWith("summarizer,metric,recall,recall_low,recall_high");
    assertThat(Files.readAllLines(out.resolve("summaries.jsonl"))).hasSize(2 * 3);
  }

  @Test
  void documentsAndReferencesMayLiveInSeparateFolders() throws Exception {
    Path data = ROOT.resolve("precis-eval/src/test/resources/duc-style");
    CliRun run =
        CliRun.of(
            "eval",
            "--dataset",
            data.resolve("docs").toString(),
            "--references",
            data.resolve("models").toString(),
            "--summarizers",
            "lead",
            "--words",
            "20",
            "--output-dir",
            dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("2 clusters");
  }

  @Test
  void badOptionsGetOneLineErrors() {
    CliRun words = CliRun.of("eval", "--dataset", MULTILING.toString(), "--words", "many");
    assertThat(words.code()).isEqualTo(2);
    assertThat(words.err()).startsWith("precis: error: --words must be a number or 'reference'");
    CliRun name =
        CliRun.of(
            "eval", "--dataset", MULTILING.toString(), "--summarizers", "nope", "--limit", "1");
    assertThat(name.code()).isEqualTo(2);
    assertThat(name.err()).contains("unknown summarizer 'nope'");
    CliRun missing =
        CliRun.of("rouge", "--candidate", dir.resolve("none").toString(), "--reference", "x");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("precis: error: ").contains("none: no such file");
  }
}
