package dev.precis.cli;

import dev.precis.store.DatabaseUrl;
import dev.precis.store.Store;
import dev.precis.store.StoreException;
import picocli.CommandLine.Option;

/** The {@code --db} option shared by the commands that use the database. */
public final class DatabaseOption {
  @Option(
      names = "--db",
      paramLabel = "DB",
      description = {
        "Database: a file path (embedded H2), postgresql://user:pass@host:port/db, or a jdbc: URL.",
        "Default: $PRECIS_DB, else precis.mv.db under $XDG_DATA_HOME/precis or ~/.local/share/precis."
      })
  String db;

  /** The database this option (or PRECIS_DB, or the default) names. */
  DatabaseUrl url() {
    String spec = db != null ? db : System.getenv("PRECIS_DB");
    return DatabaseUrl.parse(spec);
  }

  /** Opens the database; a failure is a one-line user error, not a stack trace. */
  Store open() {
    try {
      return Store.open(url());
    } catch (StoreException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }
}
