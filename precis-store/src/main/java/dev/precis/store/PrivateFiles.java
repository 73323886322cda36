package dev.precis.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps an embedded H2 database private to the user who runs Precis: a directory Precis creates is
 * {@code rwx------}, the database files are {@code rw-------}. H2 creates its files with the
 * process umask (usually world-readable) and {@code SHUTDOWN COMPACT} replaces the file with a new
 * one, so the permissions are set before the first open and again after every close.
 *
 * <p>A directory that already exists is left as it is (it may be {@code /tmp} or a shared folder),
 * except the default data directory, which belongs to Precis. On file systems without POSIX
 * permissions nothing is changed.
 */
final class PrivateFiles {
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /**
   * Creates the directory of the database (0700) and an empty database file (0600) when missing,
   * and tightens the permissions of an existing database file.
   *
   * @param base the database path without H2's {@code .mv.db} suffix
   */
  static void prepare(Path base) {
    Path file = mvFile(base);
    Path dir = file.toAbsolutePath().getParent();
    if (!posix(dir)) {
      return;
    }
    try {
      createPrivateDirectories(dir);
      if (dir.equals(DatabaseUrl.defaultPath().toAbsolutePath().getParent())) {
        Files.setPosixFilePermissions(dir, DIRECTORY);
      }
      try {
        // an empty file is a new database to H2; created here, it never exists world-readable
        Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
      } catch (FileAlreadyExistsException exists) {
        tighten(base);
      }
    } catch (IOException | SecurityException e) {
      // a directory that cannot be created or a file owned by someone else: H2's own error follows
    }
  }

  /** Sets every file of the database ({@code base.*.db}, H2's temporary files) to 0600. */
  static void tighten(Path base) {
    Path dir = base.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir) || !posix(dir)) {
      return;
    }
    String prefix = base.getFileName().toString() + ".";
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().startsWith(prefix) && Files.isRegularFile(f)) {
          try {
            Files.setPosixFilePermissions(f, FILE);
          } catch (IOException | SecurityException e) {
            // not ours to change
          }
        }
      }
    } catch (IOException | SecurityException e) {
      // the directory went away or is unreadable: nothing to tighten
    }
  }

  static Path mvFile(Path base) {
    return base.resolveSibling(base.getFileName() + ".mv.db");
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
      // the umask may have removed bits but never adds any: set exactly 0700
      Files.setPosixFilePermissions(dir, DIRECTORY);
    } catch (FileAlreadyExistsException raced) {
      // created meanwhile by a concurrent process
    }
  }

  private static boolean posix(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    try {
      return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
    } catch (IOException e) {
      return false;
    }
  }
}
