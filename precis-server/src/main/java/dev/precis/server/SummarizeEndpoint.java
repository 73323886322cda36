package dev.precis.server;

import static dev.precis.server.JsonAnswers.sendJson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precis.Precis;
import dev.precis.format.FactSheetFormat;
import dev.precis.format.SummaryFormat;
import dev.precis.model.Article;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import dev.precis.text.Document;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code POST /api/summarize}: a cited summary (and facts) of the posted articles, not stored. */
final class SummarizeEndpoint {
  private static final int MAX_SUMMARY_WORDS = 1000;

  /** Most articles in one stateless summary: it is computed while the client waits. */
  private static final int MAX_SUMMARIZE_ARTICLES = 200;

  private final ServerConfig config;
  private final Precis precis;

  /**
   * Stateless summaries running at once: CPU-bound work beyond the cores only queues, and a flood
   * of summaries must not starve the cheap story reads that share the thread pool.
   */
  private final WorkSlots summarizeSlots =
      new WorkSlots(
          Math.max(2, 2 * Runtime.getRuntime().availableProcessors()),
          30,
          "too many summaries in progress; try again shortly");

  SummarizeEndpoint(ServerConfig config, Precis precis) {
    this.config = config;
    this.precis = precis;
  }

  void post(Request request, byte[] body, Response response, Callback callback) {
    ArticleRequests.Batch batch =
        ArticleRequests.parse(
            request, body, Math.min(config.maxArticles(), MAX_SUMMARIZE_ARTICLES));
    SummaryOptions base = config.options();
    int words = batch.words() != null ? batch.words() : base.words();
    if (words > MAX_SUMMARY_WORDS) {
      throw new HttpError(400, "\"words\" must be at most " + MAX_SUMMARY_WORDS);
    }
    String summarizer = batch.summarizer() != null ? batch.summarizer() : base.summarizer();
    precis.summarizers().check(summarizer); // unknown names are a 400 with the list of known ones
    summarizeSlots.run(() -> summarizeNow(batch, words, summarizer, response, callback));
  }

  private void summarizeNow(
      ArticleRequests.Batch batch,
      int words,
      String summarizer,
      Response response,
      Callback callback) {
    SummaryOptions base = config.options();
    List<Article> articles = batch.articles().stream().map(precis::prepare).toList();
    List<Document> docs = precis.split(articles);
    Summary summary =
        precis.summarizeDocuments(docs, new SummaryOptions(words, base.truncate(), summarizer));
    ObjectNode json = SummaryFormat.toJson(summary);
    if (batch.facts()) {
      json.set("facts", FactSheetFormat.toJson(precis.facts(docs)));
    }
    sendJson(response, callback, 200, json);
  }
}
