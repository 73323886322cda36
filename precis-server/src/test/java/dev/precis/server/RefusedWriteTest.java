package dev.precis.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.precis.store.DatabaseUrl;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write refused for its API key is answered only after its body is read: answering and closing
 * while the client still sends makes the kernel reset the connection, and the client then sees no
 * answer at all ("header parser received no bytes", a flaky ServerApiTest.writesNeedTheApiKey).
 */
class RefusedWriteTest {
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            DatabaseUrl.parse(dir.resolve("db").toString()),
            ServerConfig.defaults().withApiKey("k3y").withMaxBodyBytes(8 * 1024 * 1024));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void largeBodyWithoutOrWithAWrongKeyStillGetsItsStatus() throws Exception {
    String body =
        "The council voted on Monday to approve the new budget. ".repeat(80_000); // ~4.4 MB
    for (int i = 0; i < 3; i++) {
      assertThat(server.post("/api/articles", "text/plain", body).statusCode()).isEqualTo(401);
      assertThat(
              server.post("/api/articles", "text/plain", body, "X-API-Key", "wrong").statusCode())
          .isEqualTo(403);
    }
  }
}
