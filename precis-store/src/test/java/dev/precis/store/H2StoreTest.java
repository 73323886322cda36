package dev.precis.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file database (the default). */
class H2StoreTest extends StoreContract {
  @TempDir Path dir;

  @Override
  DatabaseUrl freshDatabase() {
    return DatabaseUrl.parse(dir.resolve("precis").toString());
  }
}
