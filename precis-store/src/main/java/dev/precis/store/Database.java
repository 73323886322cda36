package dev.precis.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The connection pool behind a {@link Store}: opening (schema migrated), connections and retried
 * transactions, and closing (an embedded file compacted and made private again).
 */
final class Database implements AutoCloseable {
  /** H2's code for a database file locked by another process. */
  private static final int H2_DATABASE_IN_USE = 90020;

  /**
   * Stores open on each embedded file in this process: they share one H2 database, which only the
   * last to close may shut down.
   */
  private static final Map<Path, Integer> OPEN_FILES = new HashMap<>();

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final HikariDataSource pool;
  private final DatabaseUrl url;

  /** Set by the first write: only a changed embedded file is compacted on close. */
  private volatile boolean written;

  private Database(HikariDataSource pool, DatabaseUrl url) {
    this.pool = pool;
    this.url = url;
  }

  DatabaseUrl url() {
    return url;
  }

  /** Opens the database with a pool of at most {@code maxConnections} and migrates its schema. */
  static Database open(DatabaseUrl url, int maxConnections) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(maxConnections);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setPoolName("precis");
    config.setConnectionTimeout(15_000);
    // fail at once when the database is unreachable instead of retrying for connectionTimeout
    config.setInitializationFailTimeout(1);
    url.h2File().ifPresent(PrivateFiles::prepare);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
      try (Connection c = ds.getConnection()) {
        c.isValid(5);
      }
    } catch (SQLException | RuntimeException e) {
      if (inUse(e)) {
        throw new StoreException(
            "database "
                + url.h2File().map(PrivateFiles::mvFile).map(Path::toString).orElse(url.display())
                + " is in use by another process (a running precis serve or ingest); stop it first,"
                + " or use PostgreSQL (--db postgresql://...) for concurrent access",
            e);
      }
      throw new StoreException("cannot open database " + url.display() + ": " + rootMessage(e), e);
    }
    try {
      Flyway.configure()
          .dataSource(ds)
          .locations("classpath:db/migration")
          .loggers("slf4j")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw new StoreException(
          "cannot migrate database " + url.display() + ": " + rootMessage(e), e);
    }
    url.h2File().ifPresent(f -> opened(f, 1));
    return new Database(ds, url);
  }

  /** Counts a store opened (+1) or closed (-1) on a file; returns how many remain open. */
  private static int opened(Path file, int change) {
    synchronized (OPEN_FILES) {
      int now = OPEN_FILES.getOrDefault(file.toAbsolutePath(), 0) + change;
      if (now <= 0) {
        OPEN_FILES.remove(file.toAbsolutePath());
      } else {
        OPEN_FILES.put(file.toAbsolutePath(), now);
      }
      return now;
    }
  }

  /** Runs read-only {@code work} on a pooled connection (auto-commit). */
  <T> T inConnection(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("database error: " + rootMessage(e), e);
    }
  }

  /**
   * Runs {@code work} in one transaction, retried a few times when the database reports a conflict
   * with a concurrent transaction (serialization failure, deadlock, lock timeout).
   */
  <T> T inTransaction(Work<T> work) {
    written = true;
    for (int attempt = 1; ; attempt++) {
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        if (attempt < 5 && retryable(e)) {
          continue;
        }
        throw new StoreException("database error: " + rootMessage(e), e);
      }
    }
  }

  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.equals("40001") || state.equals("40P01") || state.equals("HYT00"));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null) {
      m = t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return true;
      }
    }
    return false;
  }

  /**
   * Closes the pool. An embedded file that was written is compacted first ({@code SHUTDOWN
   * COMPACT}: a 20,000-article ingest otherwise leaves several times the space its data needs) and
   * its files are set private again (compaction writes a new file).
   */
  @Override
  public void close() {
    Optional<Path> file = url.h2File();
    if (file.isPresent() && opened(file.get(), -1) == 0 && written) {
      try (Connection c = pool.getConnection();
          Statement st = c.createStatement()) {
        st.execute("SHUTDOWN COMPACT");
      } catch (SQLException | RuntimeException e) {
        // closed or broken already: the pool closes what is left; the file stays as it was
      }
    }
    pool.close();
    file.ifPresent(PrivateFiles::tighten);
  }
}
