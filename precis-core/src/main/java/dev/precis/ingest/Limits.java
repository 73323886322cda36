package dev.precis.ingest;

/**
 * Size limits on input. Files larger than {@code maxFileBytes} are refused with a clear error, so a
 * stray binary or a log file cannot exhaust memory.
 *
 * @param maxFileBytes largest input file read whole (default 20 MiB)
 */
public record Limits(long maxFileBytes) {
  public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

  public Limits {
    if (maxFileBytes < 1) {
      // 0 or a negative limit would skip every file with a confusing "over the limit" warning
      throw new IllegalArgumentException(
          "--max-file-bytes must be at least 1, got " + maxFileBytes);
    }
  }

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_FILE_BYTES);
  }
}
