package dev.precis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.precis.model.Article;
import dev.precis.text.Sentence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database opens no network listener (H2's AUTO_SERVER opened a TCP server on every
 * interface with an empty admin password), a second process is refused with a clear one-line error,
 * and the files are private to the user.
 */
class PrivateDatabaseTest {
  @TempDir Path dir;

  @Test
  void directoryAndFilesArePrivateBeforeAndAfterCompaction() throws IOException {
    Path base = dir.resolve("new-dir").resolve("news");
    try (Store store = Store.open(DatabaseUrl.parse(base.toString()))) {
      assertThat(mode(base.getParent())).isEqualTo("rwx------");
      assertThat(mode(PrivateFiles.mvFile(base))).isEqualTo("rw-------");
      addOne(store);
    }
    // closing after a write compacts, which writes a new file: still private
    try (Stream<Path> files = Files.list(base.getParent())) {
      for (Path f : files.toList()) {
        assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void anExistingWorldReadableFileIsMadePrivate() throws IOException {
    Path base = dir.resolve("old");
    try (Store store = Store.open(DatabaseUrl.parse(base.toString()))) {
      addOne(store);
    }
    Files.setPosixFilePermissions(
        PrivateFiles.mvFile(base), PosixFilePermissions.fromString("rw-r--r--"));
    try (Store store = Store.open(DatabaseUrl.parse(base.toString()))) {
      assertThat(mode(PrivateFiles.mvFile(base))).isEqualTo("rw-------");
    }
  }

  @Test
  void opensNoListeningSocket() throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc");
    try (Store store = Store.open(DatabaseUrl.parse(dir.resolve("db").toString()))) {
      addOne(store);
      Set<String> listening = listeningInodes();
      try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
        for (Path fd : fds.toList()) {
          String target;
          try {
            target = Files.readSymbolicLink(fd).toString();
          } catch (IOException gone) {
            continue;
          }
          if (target.startsWith("socket:[")) {
            String inode = target.substring(8, target.length() - 1);
            assertThat(listening).as("a listening socket of this process").doesNotContain(inode);
          }
        }
      }
      assertThat(dir.resolve("db.lock.db")).doesNotExist();
    }
  }

  @Test
  void aSecondProcessGetsOneLineInUseError() throws Exception {
    Path base = dir.resolve("shared");
    try (Store store = Store.open(DatabaseUrl.parse(base.toString()))) {
      addOne(store);
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  OpenProbe.class.getName(),
                  base.toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.exitValue()).isEqualTo(1);
      assertThat(out).contains("is in use by another process").doesNotContain("\n");
    }
  }

  /** Opens the database named by its argument; prints the error and exits 1 when it cannot. */
  static final class OpenProbe {
    public static void main(String[] args) {
      try (Store store = Store.open(DatabaseUrl.parse(args[0]))) {
        System.out.println("opened");
      } catch (StoreException e) {
        System.out.println(e.getMessage());
        System.exit(1);
      }
    }
  }

  private static void addOne(Store store) {
    String text = "The council approved the budget on Monday. The mayor signed it.";
    Article a =
        new Article(
            "a1",
            "Budget",
            text,
            "https://example.org/a1",
            "Example",
            Instant.parse("2024-01-01T00:00:00Z"),
            null,
            "test",
            "en");
    store.addArticle(a, List.of(new Sentence(0, 0, 0, 43, text.substring(0, 43))), "s1");
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  /** Inodes of the sockets in LISTEN state (state 0A) in /proc/net/tcp and tcp6. */
  private static Set<String> listeningInodes() throws IOException {
    Set<String> out = new HashSet<>();
    for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      Path t = Path.of(table);
      if (!Files.exists(t)) {
        continue;
      }
      for (String line : Files.readAllLines(t).subList(1, Files.readAllLines(t).size())) {
        String[] f = line.strip().split("\\s+");
        if (f.length > 9 && f[3].equals("0A")) {
          out.add(f[9]);
        }
      }
    }
    return out;
  }
}
