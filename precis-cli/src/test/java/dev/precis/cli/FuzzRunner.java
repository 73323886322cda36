package dev.precis.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one {@code @FuzzTest} outside Maven, for long fuzzing runs ({@code scripts/fuzz.sh}): {@code
 * JAZZER_FUZZ=1 java -cp ... dev.precis.cli.FuzzRunner
 * 'dev.precis.text.SplitterFuzzTest#split(java.lang.String)'}. Exit code 0 when no finding.
 *
 * <p>An input that runs longer than {@code -Dfuzz.timeout} seconds (default {@value
 * #DEFAULT_TIMEOUT_SECONDS}) is a hang, reported like a crash. While fuzzing, libFuzzer's {@code
 * -timeout} catches it (Jazzer takes the limit from JUnit's default timeout): it prints every
 * thread's stack, writes the input as {@code timeout-*} in the working directory and exits. JUnit's
 * own timeout is switched off, since for JUnit the whole fuzzing run is one invocation. Before
 * fuzzing, Jazzer replays the committed seeds as ordinary invocations, outside libFuzzer: a
 * watchdog here stops a seed that hangs, prints the stack and writes {@code timeout-seed-NAME}. The
 * first seed also loads and instruments every class and model the harness needs (over 20 s on a
 * loaded machine), so it gets {@value #FIRST_SEED_FACTOR} times the limit.
 */
public final class FuzzRunner {
  static final String DEFAULT_TIMEOUT_SECONDS = "20";

  /** The first seed's limit, in per-input limits: it pays for loading and instrumenting. */
  static final int FIRST_SEED_FACTOR = 10;

  /** Exit code of a hang, as libFuzzer's timeout. */
  private static final int HANG_EXIT = 70;

  /** Jazzer's display name of the one invocation that runs libFuzzer. */
  private static final String FUZZING_INVOCATION = "Fuzzing...";

  private FuzzRunner() {}

  /** A seed invocation in progress: its name and when it started. */
  private record Running(String name, long startNanos, long limitNanos) {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: FuzzRunner 'fully.qualified.Class#method(paramTypes)'");
      System.exit(2);
    }
    long timeoutSeconds =
        Long.parseLong(System.getProperty("fuzz.timeout", DEFAULT_TIMEOUT_SECONDS));
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectMethod(args[0]))
            .configurationParameter(
                "junit.jupiter.execution.timeout.default", timeoutSeconds + " s")
            .configurationParameter("junit.jupiter.execution.timeout.mode", "disabled")
            .build();
    AtomicReference<Running> seed = new AtomicReference<>();
    long limitNanos = timeoutSeconds * 1_000_000_000L;
    boolean[] first = {true};
    watch(seed, Thread.currentThread());
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    TestExecutionListener seeds =
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier id) {
            if (id.isTest() && !id.getDisplayName().equals(FUZZING_INVOCATION)) {
              long limit = first[0] ? FIRST_SEED_FACTOR * limitNanos : limitNanos;
              first[0] = false;
              seed.set(new Running(id.getDisplayName(), System.nanoTime(), limit));
            }
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            seed.set(null);
          }
        };
    LauncherFactory.create().execute(request, listener, seeds);
    TestExecutionSummary summary = listener.getSummary();
    summary.printFailuresTo(new PrintWriter(System.out, true), 30);
    System.out.printf(
        "fuzz %s: %d run, %d failed%n",
        args[0], summary.getTestsStartedCount(), summary.getTotalFailureCount());
    System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsStartedCount() > 0 ? 0 : 1);
  }

  /** Stops the run when a seed invocation takes longer than the per-input limit. */
  private static void watch(AtomicReference<Running> seed, Thread runner) {
    Thread watchdog =
        new Thread(
            () -> {
              while (true) {
                Running r = seed.get();
                if (r != null && System.nanoTime() - r.startNanos() > r.limitNanos()) {
                  hang(r.name(), r.limitNanos() / 1_000_000_000L, runner);
                }
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "fuzz-seed-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static void hang(String name, long timeoutSeconds, Thread runner) {
    System.out.println(
        "==ERROR: seed " + name + " ran longer than " + timeoutSeconds + " s (a hang); stack:");
    for (StackTraceElement e : runner.getStackTrace()) {
      System.out.println("\tat " + e);
    }
    String file = "timeout-seed-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
    try {
      Files.writeString(Path.of(file), name + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.out.println("could not write " + file + ": " + e.getMessage());
    }
    System.out.flush();
    Runtime.getRuntime().halt(HANG_EXIT);
  }
}
