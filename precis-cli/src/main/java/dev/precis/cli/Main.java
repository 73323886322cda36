package dev.precis.cli;

import dev.precis.Precis;
import dev.precis.eval.baseline.Baselines;
import dev.precis.ingest.HtmlExtractor;
import dev.precis.ingest.InputException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code precis} command: subcommands over the Precis library. */
@Command(
    name = "precis",
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    description = "Turns raw news articles into stories, cited summaries and fact sheets.",
    subcommands = {
      SummarizeCommand.class,
      FactsCommand.class,
      EvalFactsCommand.class,
      EvalCitationsCommand.class,
      EvalCoherenceCommand.class,
      EvalCvCommand.class,
      ExtractCommand.class,
      EvalExtractCommand.class,
      TrainExtractorCommand.class,
      EvalCommand.class,
      RougeCommand.class,
      IngestCommand.class,
      ServeCommand.class,
      LoadCommand.class,
      EvalTextCommand.class,
      StoriesCommand.class,
      EvalStoriesCommand.class,
      EvalFurnitureCommand.class,
      LearnPhrasesCommand.class,
      EvalWordVectorsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  static final String VERSION = "precis 0.1.0";

  /**
   * The stages every command runs: the library's standard ones, with the comparison baselines of
   * {@code precis-eval} selectable by name as well ({@code --summarizer lexrank}).
   */
  static final Precis PRECIS = Precis.builder().summarizers(Baselines.all()).build();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** A bare {@code precis} prints the help. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The extractor named by an {@code --extractor} option (null: the default method). */
  static HtmlExtractor extractor(String method) {
    return method == null
        ? new HtmlExtractor()
        : new HtmlExtractor(HtmlExtractor.Method.named(method));
  }

  /** {@link #PRECIS} with another main-text extractor for HTML articles. */
  static Precis precis(HtmlExtractor extractor) {
    return Precis.builder().summarizers(Baselines.all()).extractor(extractor).build();
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8),
        args);
  }

  /** Runs the command line writing to the given streams; returns the exit code; never throws. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    // every subcommand answers -V, and help wraps at spaces only, at the terminal's width
    for (CommandLine sub : cli.getSubcommands().values()) {
      sub.getCommandSpec().version(VERSION);
    }
    cli.setHelpFactory(WordWrapHelp::new);
    cli.setUsageHelpWidth(WordWrapHelp.WIDTH);
    cli.setUsageHelpAutoWidth(true);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          PrintWriter w = cmd.getErr();
          if (e instanceof InputException || e instanceof IllegalArgumentException) {
            w.println("precis: error: " + oneLine(e.getMessage()));
            w.flush();
            return 2;
          }
          w.println("precis: internal error: " + e);
          if (System.getenv("PRECIS_DEBUG") != null) {
            e.printStackTrace(w);
          }
          w.flush();
          return 1;
        });
    cli.setParameterExceptionHandler(
        (e, parsed) -> {
          PrintWriter w = e.getCommandLine().getErr();
          CommandLine where = e.getCommandLine();
          boolean unknownCommand =
              where.getParent() == null
                  && e instanceof CommandLine.UnmatchedArgumentException u
                  && !u.getUnmatched().isEmpty()
                  && !u.getUnmatched().get(0).startsWith("-");
          w.println(
              "precis: "
                  + (unknownCommand
                      ? "unknown command '"
                          + ((CommandLine.UnmatchedArgumentException) e).getUnmatched().get(0)
                          + "'"
                      : e.getMessage()));
          w.println("Try '" + where.getCommandSpec().qualifiedName() + " --help'.");
          w.flush();
          return 2;
        });
    return cli.execute(args);
  }

  /** Each subcommand class by its name and aliases ({@code help} aside: it needs the others). */
  private static final Map<String, Class<?>> SUBCOMMANDS = subcommandsByName();

  private static Map<String, Class<?>> subcommandsByName() {
    Map<String, Class<?>> byName = new HashMap<>();
    for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
      Command command = c.getAnnotation(Command.class);
      if (c != CommandLine.HelpCommand.class) {
        byName.put(command.name(), c);
        for (String alias : command.aliases()) {
          byName.put(alias, c);
        }
      }
    }
    return Map.copyOf(byName);
  }

  /**
   * The command line for {@code args}: when they name a subcommand, the root with that one only.
   * Picocli inspects every subcommand's annotations when the whole tree is built (about 10-17 ms,
   * most of a small batch run and of each batch-mode fuzz execution); one costs about 1 ms. Names,
   * help and errors are the same as in the whole tree, which {@code precis}, {@code precis --help}
   * and {@code precis help ...} still get.
   */
  static CommandLine commandLine(String... args) {
    Class<?> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (only == null) {
      return new CommandLine(new Main());
    }
    CommandSpec root =
        CommandSpec.wrapWithoutInspection(new Main())
            .name(Main.class.getAnnotation(Command.class).name())
            .mixinStandardHelpOptions(true)
            .version(VERSION);
    CommandLine cli = new CommandLine(root);
    cli.addSubcommand(args[0], only);
    return cli;
  }

  /**
   * Errors are one line: messages that embed a library's multi-line text (Jackson appends "\n at
   * [Source: ...; line: 1, column: 2]") are joined, the source location dropped.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    return message
        .replaceAll("\\R\\s*at \\[Source: [^\\]]*; (line: \\d+, column: \\d+)\\]", " at $1")
        .replaceAll("\\s*\\R\\s*", " ")
        .strip();
  }
}
