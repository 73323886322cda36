package dev.precis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void defaultIsAnEmbeddedFileUnderTheDataDirectory() {
    DatabaseUrl url = DatabaseUrl.parse(null);
    assertThat(url.jdbcUrl())
        .startsWith("jdbc:h2:file:")
        .contains("precis")
        .doesNotContain("AUTO_SERVER");
    assertThat(url.postgres()).isFalse();
  }

  @Test
  void pathBecomesH2FileWithoutSuffix() {
    assertThat(DatabaseUrl.parse("/tmp/x/news.mv.db").jdbcUrl())
        .isEqualTo("jdbc:h2:file:/tmp/x/news;TRACE_LEVEL_FILE=0;WRITE_DELAY=0");
    assertThat(DatabaseUrl.parse("/tmp/x/news.mv.db").h2File()).contains(Path.of("/tmp/x/news"));
    assertThat(DatabaseUrl.parse("mem:x").h2File()).isEmpty();
  }

  @Test
  void passwordsInsideJdbcUrlsAreNotDisplayed() {
    // the server prints the database it serves; a password given in the URL must not be in it
    assertThat(
            DatabaseUrl.parse(
                    "jdbc:postgresql://127.0.0.1:5432/news?user=ann&password=s3cret&ssl=1")
                .display())
        .doesNotContain("s3cret")
        .contains("user=ann")
        .contains("ssl=1");
    assertThat(DatabaseUrl.parse("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=s3cret").display())
        .doesNotContain("s3cret");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://ann:s3cret@db.example/news").display())
        .doesNotContain("s3cret");
  }

  @Test
  void postgresUrlMovesCredentialsOutOfTheUrl() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://ann:p%40ss@db.example:5433/news?sslmode=require");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/news?sslmode=require");
    assertThat(url.user()).isEqualTo("ann");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.postgres()).isTrue();
    assertThat(url.toString()).doesNotContain("p@ss");
  }

  @Test
  void jdbcUrlPassesThrough() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void postgresUrlNeedsAHost() {
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql:///db"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void autoServerIsRefused() {
    assertThatThrownBy(() -> DatabaseUrl.parse("jdbc:h2:file:/tmp/x;auto_server=true"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AUTO_SERVER is refused");
  }
}
