package dev.precis.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.EventGroup;
import dev.precis.facts.FactSheet;
import dev.precis.format.FactSheetFormat;
import dev.precis.ingest.ArticleSources;
import dev.precis.ingest.ArticleStream;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.text.Document;
import java.io.IOException;
import java.io.PrintWriter;
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
      "Extracts the fact sheet of articles about one story.",
      "People, organisations and places, quotations with speakers, figures aligned across articles (with disagreements) and a timeline; every fact cites its articles.",
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

  @Mixin OutputFileMixin output;

  @Override
  public Integer call() throws Exception {
    FactSheetFormat fmt = FactSheetFormat.parse(format);
    PrintWriter err = spec.commandLine().getErr();
    List<RawArticle> raw;
    try (ArticleStream in = ArticleSources.open(paths, sources.toOptions(err))) {
      raw = in.toList();
    }
    List<Article> articles = PreparedArticles.withText(raw, err);
    List<EventGroup> events = Main.PRECIS.events(articles);
    String rendered;
    if (EventGroup.severalEvents(events)) {
      // figures of two happenings are not a disagreement: one fact sheet per event
      err.println(
          "precis: note: the articles report "
              + events.size()
              + " different events; one fact sheet each, in time order");
      err.flush();
      rendered = perEvent(fmt, events);
    } else {
      List<Document> docs = Main.PRECIS.split(articles);
      rendered = fmt.render(Main.PRECIS.facts(docs), articles);
    }
    output.writeOrPrint(rendered, spec.commandLine().getOut());
    return 0;
  }

  private static String perEvent(FactSheetFormat fmt, List<EventGroup> events) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode list = root.putArray("events");
    StringBuilder b = new StringBuilder();
    for (EventGroup g : events) {
      FactSheet sheet = Main.PRECIS.facts(Main.PRECIS.split(g.articles()));
      String section = fmt.render(sheet, g.articles());
      String day = g.event().day() == null ? "Date unknown" : g.event().day().toString();
      if (fmt == FactSheetFormat.JSON) {
        ObjectNode o = list.addObject();
        o.put("id", "e" + g.event().id());
        o.put("day", g.event().day() == null ? null : g.event().day().toString());
        o.put("headline", g.event().headline());
        o.setAll((ObjectNode) json.readTree(section));
      } else {
        String head = day + (g.event().headline() == null ? "" : ": " + g.event().headline());
        b.append(fmt == FactSheetFormat.MARKDOWN ? "# " : "== ").append(head).append("\n\n");
        b.append(section).append('\n');
      }
    }
    return fmt == FactSheetFormat.JSON ? root.toPrettyString() + "\n" : b.toString();
  }
}
