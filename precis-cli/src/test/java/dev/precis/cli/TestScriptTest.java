package dev.precis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command (issue 14, point 1): {@code scripts/test.sh} checks what the tests
 * need, says what is missing, and runs {@code mvn -B verify}; CI runs exactly that script. Run here
 * against stand-in commands on a PATH of our own, so nothing is installed.
 */
class TestScriptTest {
  private static final Path ROOT =
      Path.of(System.getProperty("precis.root", "..")).toAbsolutePath().normalize();
  @TempDir Path bin;

  private void tool(String name, String body) throws IOException {
    Path f = bin.resolve(name);
    Files.writeString(f, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Result(int code, String output) {}

  private Result run() throws Exception {
    // only our stand-ins and the shell's basic tools: no real apt-get, chromium or Maven
    Path basics = bin.resolve("basics");
    Files.createDirectories(basics);
    for (String t : new String[] {"bash", "dirname", "id", "env"}) {
      for (String d : new String[] {"/usr/bin/", "/bin/"}) {
        if (Files.isExecutable(Path.of(d + t)) && !Files.exists(basics.resolve(t))) {
          Files.createSymbolicLink(basics.resolve(t), Path.of(d + t));
        }
      }
    }
    ProcessBuilder pb =
        new ProcessBuilder(basics.resolve("bash").toString(), "scripts/test.sh", "-q")
            .directory(ROOT.toFile())
            .redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + basics);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  @Test
  void runsMavenVerifyWhenEverythingIsThere() throws Exception {
    tool("java", "exit 0");
    tool("chromium", "exit 0");
    tool("chromedriver", "exit 0");
    tool("mvn", "echo \"mvn $*\"");
    Result r = run();
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output().strip()).isEqualTo("mvn -B verify -q");
  }

  @Test
  void saysWhatToInstallWhenChromiumIsMissingAndCannotBeInstalled() throws Exception {
    tool("java", "exit 0");
    tool("mvn", "echo mvn ran");
    Result r = run();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output()).contains("Chromium and chromedriver").doesNotContain("mvn ran");
  }

  @Test
  void saysMavenIsNeeded() throws Exception {
    tool("java", "exit 0");
    Result r = run();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.output()).contains("Maven 3.8+ is needed");
  }

  @Test
  void ciAndReadmeRunExactlyThisScript() throws IOException {
    assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("exec scripts/test.sh");
    String readme = Files.readString(ROOT.resolve("README.md"));
    String firstScreen = readme.substring(0, readme.indexOf("## Contents"));
    assertThat(firstScreen)
        .contains("\nscripts/test.sh\n")
        .contains("Java 17")
        .contains("Maven 3.8+")
        .contains("chromium-driver")
        .contains("Maven Central");
  }
}
