package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, point 8: the small things a new user trips over. */
class SmallThingsTest {
  static final Path ROOT =
      Path.of(System.getProperty("precis.root", "..")).toAbsolutePath().normalize();
  static final Path EXAMPLE = ROOT.resolve("examples/tillerson-lavrov-2017");
  @TempDir Path dir;

  @Test
  void cutFactListsSayHowManyMore() {
    CliRun run = CliRun.of("facts", EXAMPLE.toString());
    assertThat(run.code()).as(run.err()).isZero();
    String who = run.out().substring(run.out().indexOf("Who:"), run.out().indexOf("Who said what"));
    long shown = who.lines().filter(l -> l.startsWith("- ") && !l.startsWith("- … and")).count();
    assertThat(shown).isEqualTo(15);
    assertThat(who).containsPattern("- … and \\d+ more \\(all in --format json\\)");
    String md = CliRun.of("facts", EXAMPLE.toString(), "--format", "markdown").out();
    assertThat(md).containsPattern("- … and \\d+ more");
  }

  @Test
  void outputIntoAMissingFolderIsRefused() {
    Path out = dir.resolve("no/such/folder/summary.txt");
    CliRun run = CliRun.of("summarize", EXAMPLE.toString(), "--output", out.toString());
    assertThat(run.code()).isEqualTo(2);
    // the last line: a note that the example reports two events may come before it
    assertThat(run.err().strip().lines().reduce((a, b) -> b).orElse(""))
        .isEqualTo(
            "precis: error: "
                + out
                + ": cannot write (directory "
                + out.getParent()
                + " does not exist; create it first)");
    assertThat(dir.resolve("no")).doesNotExist();
  }

  @Test
  void permissionErrorNamesTheOutputNotATemporaryFile() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    Path out = locked.resolve("summary.txt");
    CliRun run = CliRun.of("summarize", EXAMPLE.toString(), "--output", out.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("precis: error: " + out + ": cannot write (permission denied)");
  }

  @Test
  void evalWritesUnderTargetByDefault() {
    assertThat(CliRun.of("eval", "--help").out()).contains("(default: target/eval-results,");
  }

  @Test
  void readmeRougeFolderExampleWorksFromTheRepositoryRoot() throws IOException {
    assumeTrue(Files.isDirectory(ROOT.resolve("../shared/data/multiling2011-en")));
    String line =
        Files.readString(ROOT.resolve("README.md"))
            .lines()
            .filter(l -> l.startsWith("./precis rouge --candidate ") && l.contains("peers/"))
            .findFirst()
            .orElseThrow();
    List<String> args = new ArrayList<>();
    for (String a : Arrays.asList(line.replaceFirst("#.*", "").strip().split("\\s+"))) {
      // the README's paths are relative to the repository root
      args.add(a.startsWith("../") ? ROOT.resolve(a).normalize().toString() : a);
    }
    CliRun run = CliRun.of(args.subList(1, args.size()).toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("ROUGE-1").contains("95%");
  }

  @Test
  void summarizeHelpNamesWarcAndFeeds() {
    String help = CliRun.of("summarize", "--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("WARC archive (.warc, .warc.gz)").contains("RSS/Atom feed");
  }
}
