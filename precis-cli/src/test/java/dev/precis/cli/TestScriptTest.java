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

  /** The launcher rebuilds for changed sources, not for files a build writes under target/. */
  @Test
  void launcherIgnoresGeneratedSources() throws Exception {
    Path tree = bin.resolve("tree");
    Files.createDirectories(tree.resolve("precis-cli/target"));
    Files.createDirectories(tree.resolve("precis-core/src/main/java"));
    Files.createDirectories(tree.resolve("precis-bench/target/generated-sources"));
    Files.copy(ROOT.resolve("precis"), tree.resolve("precis"));
    Path source = Files.writeString(tree.resolve("precis-core/src/main/java/A.java"), "class A {}");
    Files.writeString(tree.resolve("pom.xml"), "<project/>");
    Path jar = Files.writeString(tree.resolve("precis-cli/target/precis.jar"), "jar");
    Path generated =
        Files.writeString(
            tree.resolve("precis-bench/target/generated-sources/B.java"), "class B{}");
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000);
    java.nio.file.attribute.FileTime mid = java.nio.file.attribute.FileTime.fromMillis(2_000_000);
    java.nio.file.attribute.FileTime late = java.nio.file.attribute.FileTime.fromMillis(3_000_000);
    Files.setLastModifiedTime(source, old);
    Files.setLastModifiedTime(tree.resolve("pom.xml"), old);
    Files.setLastModifiedTime(jar, mid);
    Files.setLastModifiedTime(generated, late);
    tool("java", "echo ran");
    tool("mvn", "echo built");
    Result quiet = launch(tree);
    assertThat(quiet.output()).doesNotContain("building").contains("ran");
    Files.setLastModifiedTime(source, late);
    Result rebuilt = launch(tree);
    assertThat(rebuilt.output()).contains("building").contains("ran");
  }

  private Result launch(Path tree) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder("/bin/bash", tree.resolve("precis").toString(), "-V")
            .redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":/usr/bin:/bin");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
