package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or careless input on the command line: one-line errors, nothing half done. */
class HardeningCliTest {
  @TempDir Path dir;

  private static void assertOneLineError(CliRun run, String contains) {
    assertThat(run.code()).isNotZero();
    assertThat(run.err().strip()).contains(contains).doesNotContain("\n").doesNotContain("\tat ");
  }

  @Test
  void blankApiKeyIsRefusedInsteadOfTurningAuthenticationOff() {
    for (String key : new String[] {"", "   "}) {
      assertOneLineError(
          CliRun.of("serve", "--db", dir.resolve("db").toString(), "--port", "0", "--api-key", key),
          "--api-key is blank");
    }
  }
}
