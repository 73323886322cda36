package dev.precis.cli;

import dev.precis.ingest.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code precis} command: subcommands over the Precis library. */
@Command(
    name = "precis",
    mixinStandardHelpOptions = true,
    version = "precis 0.1.0",
    description = "Turns raw news articles into stories, cited summaries and fact sheets.",
    subcommands = {SummarizeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          PrintWriter err = cmd.getErr();
          if (e instanceof InputException || e instanceof IllegalArgumentException) {
            err.println("precis: error: " + e.getMessage());
            err.flush();
            return 2;
          }
          err.println("precis: internal error: " + e);
          if (System.getenv("PRECIS_DEBUG") != null) {
            e.printStackTrace(err);
          }
          err.flush();
          return 1;
        });
    cli.setParameterExceptionHandler(
        (e, parsed) -> {
          PrintWriter err = e.getCommandLine().getErr();
          err.println("precis: " + e.getMessage());
          err.println("Try 'precis " + e.getCommandLine().getCommandName() + " --help'.");
          err.flush();
          return 2;
        });
    return cli.execute(args);
  }
}
