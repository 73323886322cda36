package dev.precis.ingest;

/**
 * Size limits on input. Files larger than {@code maxFileBytes} are refused with a clear error,
 * so a stray binary or a log file cannot exhaust memory.
 *
 * @param maxFileBytes largest input file read whole (default 20 MiB)
 */
public record Limits(long maxFileBytes) {
  public static final long DEFAULT_MAX_FILE_BYTES = 20L * 1024 * 1024;

  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_FILE_BYTES);
  }
}
