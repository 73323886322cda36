package dev.precis.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one {@code @FuzzTest} outside Maven, for long fuzzing runs ({@code scripts/fuzz.sh}): {@code
 * JAZZER_FUZZ=1 java -cp ... dev.precis.cli.FuzzRunner
 * 'dev.precis.text.SplitterFuzzTest#split(java.lang.String)'}. Exit code 0 when no finding.
 */
public final class FuzzRunner {
  private FuzzRunner() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: FuzzRunner 'fully.qualified.Class#method(paramTypes)'");
      System.exit(2);
    }
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectMethod(args[0])).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    summary.printFailuresTo(new PrintWriter(System.out, true), 30);
    System.out.printf(
        "fuzz %s: %d run, %d failed%n",
        args[0], summary.getTestsStartedCount(), summary.getTotalFailureCount());
    System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsStartedCount() > 0 ? 0 : 1);
  }
}
