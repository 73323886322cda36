package dev.precis.eval;

import java.nio.file.Path;

/** Where the tests find the shared data sets ({@code ../shared} from the repository root). */
final class Shared {
  static final Path DATA = Path.of(System.getProperty("precis.root", ".")).resolve("../shared");

  private Shared() {}
}
