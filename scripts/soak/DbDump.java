import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What a soak run compares between the killed run and a clean one (scripts/soak.py): {@code java
 * -cp precis.jar DbDump.java JDBC_URL [USER PASSWORD]} prints every stored article as {@code
 * url<TAB>content hash<TAB>sentences}, sorted, then {@code # articles N}, {@code # stories N} and
 * {@code # stale summaries N} (stories whose stored summary is not of their current revision).
 */
public class DbDump {
  public static void main(String[] args) throws Exception {
    try (Connection c =
            args.length > 1
                ? DriverManager.getConnection(args[0], args[1], args[2])
                : DriverManager.getConnection(args[0]);
        Statement s = c.createStatement()) {
      int articles = 0;
      try (ResultSet r =
          s.executeQuery(
              "SELECT a.url, a.content_hash, (SELECT COUNT(*) FROM sentences x WHERE x.article_id"
                  + " = a.id) FROM articles a ORDER BY a.url, a.content_hash")) {
        while (r.next()) {
          System.out.println(r.getString(1) + "\t" + r.getString(2) + "\t" + r.getLong(3));
          articles++;
        }
      }
      System.out.println("# articles " + articles);
      System.out.println("# stories " + count(s, "SELECT COUNT(*) FROM stories WHERE article_count > 0"));
      System.out.println(
          "# stale summaries "
              + count(
                  s,
                  "SELECT COUNT(*) FROM stories st WHERE st.article_count > 0 AND NOT EXISTS"
                      + " (SELECT 1 FROM summaries su WHERE su.story_id = st.id"
                      + " AND su.story_revision = st.revision)"));
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
