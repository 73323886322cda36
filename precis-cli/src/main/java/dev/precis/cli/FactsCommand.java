package dev.precis.cli;

import dev.precis.facts.FactSheet;
import dev.precis.format.FactSheetFormat;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.Limits;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precis facts}: the fact sheet of a story (entities, quotes, figures, timeline). */
@Command(
    name = "facts",
    mixinStandardHelpOptions = true,
    description = {
      "Extracts a fact sheet from articles about one story: people, organisations and places,",
      "quotations with speakers, figures aligned across articles (with disagreements) and a",
      "timeline; every fact cites its articles.",
      "PATH is a file, a directory, JSON Lines, a WARC archive, a feed, a URL or - for stdin."
    })
final class FactsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptionsMixin sources;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Articles of one story.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, markdown or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write here (atomically) instead of standard output.")
  Path output;

  @Option(
      names = "--max-file-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + Limits.DEFAULT_MAX_FILE_BYTES,
      description = "Refuse input files larger than this (default: ${DEFAULT-VALUE}).")
  long maxFileBytes;

  @Override
  public Integer call() throws Exception {
    FactSheetFormat fmt = FactSheetFormat.parse(format);
    PrintWriter err = spec.commandLine().getErr();
    List<RawArticle> raw;
    try (ArticleStream in =
        ArticleSources.open(
            paths,
            sources.toOptions(
                new Limits(maxFileBytes),
                w -> {
                  err.println("precis: warning: " + w);
                  err.flush();
                }))) {
      raw = in.toList();
    }
    List<Article> articles = new ArrayList<>(raw.size());
    for (RawArticle r : raw) {
      articles.add(Main.PRECIS.prepare(r));
    }
    List<Document> docs = Main.PRECIS.split(articles);
    FactSheet sheet = Main.PRECIS.facts(docs);
    String rendered = fmt.render(sheet, articles);
    if (output != null) {
      try (AtomicOutput out = new AtomicOutput(output)) {
        out.writer().write(rendered);
        out.commit();
      }
    } else {
      PrintWriter out = spec.commandLine().getOut();
      out.print(rendered);
      out.flush();
    }
    return 0;
  }
}
