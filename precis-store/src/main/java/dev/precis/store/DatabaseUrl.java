package dev.precis.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database lives, parsed from the {@code --db} option.
 *
 * <ul>
 *   <li>nothing: an embedded H2 file {@code precis} under the user's data directory ({@code
 *       $XDG_DATA_HOME/precis} or {@code ~/.local/share/precis});
 *   <li>{@code postgresql://user:password@host:port/db?...} (or {@code postgres://}): PostgreSQL;
 *   <li>{@code jdbc:...}: any JDBC URL as is (H2 or PostgreSQL);
 *   <li>{@code mem:NAME}: an in-memory H2 database that lives as long as the process;
 *   <li>anything else: a path to an embedded H2 file ({@code .mv.db} is added by H2).
 * </ul>
 *
 * @param jdbcUrl the JDBC URL
 * @param user user name or {@code null}
 * @param password password or {@code null}
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  /** True when the URL points at PostgreSQL. */
  public boolean postgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /**
   * The embedded H2 file this URL opens, without H2's {@code .mv.db} suffix; empty for PostgreSQL,
   * in-memory and remote H2 databases.
   */
  public Optional<Path> h2File() {
    String prefix = "jdbc:h2:file:";
    if (!jdbcUrl.startsWith(prefix)) {
      return Optional.empty();
    }
    int semi = jdbcUrl.indexOf(';');
    String path = jdbcUrl.substring(prefix.length(), semi < 0 ? jdbcUrl.length() : semi);
    return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
  }

  /** The URL without the password, for messages. */
  public String display() {
    // a password given inside a jdbc: URL (";PASSWORD=", "?password=", "user:pw@") never reaches
    // logs or answers
    String shown =
        jdbcUrl
            .replaceAll("(?i)([?&;]password=)[^&;]*", "$1***")
            .replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
    return shown + (user != null ? " (user " + user + ")" : "");
  }

  /** Parses a {@code --db} value; {@code null} or blank means the default embedded file. */
  public static DatabaseUrl parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return h2File(defaultPath());
    }
    String s = spec.strip();
    if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
      return postgres(s);
    }
    if (s.startsWith("jdbc:")) {
      if (s.startsWith("jdbc:h2:")
          && s.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER")) {
        throw new IllegalArgumentException(
            "AUTO_SERVER is refused: it opens an H2 TCP server with an empty admin password"
                + " (share a database through PostgreSQL instead)");
      }
      return new DatabaseUrl(s, null, null);
    }
    if (s.startsWith("mem:")) {
      return new DatabaseUrl("jdbc:h2:mem:" + s.substring(4) + ";DB_CLOSE_DELAY=-1", null, null);
    }
    String path = s.endsWith(".mv.db") ? s.substring(0, s.length() - ".mv.db".length()) : s;
    return h2File(Path.of(path));
  }

  /** The default embedded database file (without H2's {@code .mv.db} suffix). */
  public static Path defaultPath() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("precis").resolve("precis");
  }

  private static DatabaseUrl h2File(Path path) {
    // No AUTO_SERVER: it opened an H2 TCP server on every interface with an empty admin password
    // (any local user could run Java through CREATE ALIAS). A second process gets "in use".
    // TRACE_LEVEL_FILE=0: no .trace.db file; where it cannot be written (a read-only or missing
    // directory) H2 would print stack traces on stdout and stderr before the clean error.
    // WRITE_DELAY=0: every commit reaches the file at once. H2's default (500 ms) loses the last
    // commits on kill -9 and can leave the schema history and the tables out of step, so a re-run
    // failed ("Table already exists", "Row not found in primary index") instead of completing.
    return new DatabaseUrl(
        "jdbc:h2:file:" + path.toAbsolutePath() + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0", null, null);
  }

  private static DatabaseUrl postgres(String s) {
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("invalid PostgreSQL URL (" + e.getReason() + ")");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("PostgreSQL URL needs a host: postgresql://host/db");
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
    }
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      url.append(':').append(uri.getPort());
    }
    String db = uri.getRawPath();
    url.append(db == null || db.isEmpty() ? "/" : db);
    if (uri.getRawQuery() != null) {
      url.append('?').append(uri.getRawQuery());
    }
    return new DatabaseUrl(url.toString(), user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return display();
  }
}
