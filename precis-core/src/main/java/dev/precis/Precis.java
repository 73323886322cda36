package dev.precis;

import dev.precis.facts.FactExtractor;
import dev.precis.facts.FactSheet;
import dev.precis.ingest.Article;
import dev.precis.ingest.ExtractedPage;
import dev.precis.ingest.HtmlExtractor;
import dev.precis.ingest.RawArticle;
import dev.precis.summarize.CitationFinder;
import dev.precis.summarize.Summarizer;
import dev.precis.summarize.Summarizers;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import dev.precis.summarize.SummarySentence;
import dev.precis.text.BoilerplateCleaner;
import dev.precis.text.CleanText;
import dev.precis.text.Document;
import dev.precis.text.RuleBasedCleaner;
import dev.precis.text.RuleBasedSentenceSplitter;
import dev.precis.text.Sentence;
import dev.precis.text.SentenceSplitter;
import dev.precis.text.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * The Precis library facade: raw articles in, a cited extractive summary out.
 *
 * <pre>{@code
 * List<RawArticle> in = List.of(
 *     RawArticle.ofText("a", "Tillerson met Lavrov in Moscow on Wednesday. ..."),
 *     RawArticle.ofHtml("b", "<html>...</html>"));   // ofText would keep the tags as text
 * Summary summary = Precis.summarize(in, SummaryOptions.defaults().withWords(100));
 * for (SummarySentence s : summary.sentences()) {
 *   System.out.println(s.text() + " " + s.citations());
 * }
 * }</pre>
 *
 * <p>All methods are thread-safe; results are immutable records.
 */
public final class Precis {
  private static final HtmlExtractor EXTRACTOR = new HtmlExtractor();

  /** {@code -Dprecis.cleaner=none} swaps in the ablation baseline (see BlankLineCleaner). */
  private static final BoilerplateCleaner CLEANER =
      "none".equals(System.getProperty("precis.cleaner"))
          ? new dev.precis.text.BlankLineCleaner()
          : new RuleBasedCleaner();

  private static final SentenceSplitter SPLITTER = new RuleBasedSentenceSplitter();
  private static final CitationFinder CITATIONS = new CitationFinder();

  private Precis() {}

  /** Extracts (HTML) and cleans a raw article; the title is kept as metadata. */
  public static Article prepare(RawArticle raw) {
    String title = raw.title();
    String url = raw.url();
    String body = raw.content();
    String outlet = null;
    String author = null;
    String language = null;
    java.time.Instant published = raw.published();
    if (raw.format() == RawArticle.Format.HTML) {
      ExtractedPage page = EXTRACTOR.extract(raw.content(), raw.url());
      body = page.text();
      title = title != null ? title : page.title();
      url = url != null ? url : page.url();
      outlet = page.outlet();
      author = page.author();
      language = page.language();
      published = published != null ? published : page.published();
    }
    if (raw.source() != null && !raw.source().isBlank()) {
      outlet = raw.source().strip(); // the source's own statement beats a guess from the page
    }
    CleanText clean = CLEANER.clean(title, body);
    if (published == null) {
      published = clean.published(); // a date line the cleaner took out of the text
    }
    if (published == null) {
      published = raw.retrieved(); // crawl or fetch time: the best date left for time order
    }
    return new Article(
        raw.id(),
        clean.title(),
        clean.text(),
        url,
        outlet,
        published,
        author,
        raw.origin(),
        language);
  }

  /** Splits prepared articles into documents, indexed in list order. */
  public static List<Document> split(List<Article> articles) {
    List<Document> docs = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      docs.add(Document.of(i, articles.get(i), SPLITTER));
    }
    return docs;
  }

  /** Prepares, splits and summarizes raw articles. */
  public static Summary summarize(List<RawArticle> raw, SummaryOptions options) {
    List<Article> articles = new ArrayList<>(raw.size());
    for (RawArticle r : raw) {
      articles.add(prepare(r));
    }
    return summarizeArticles(articles, options);
  }

  /** Summarizes articles that are already cleaned. */
  public static Summary summarizeArticles(List<Article> articles, SummaryOptions options) {
    return summarizeDocuments(split(articles), options);
  }

  /**
   * Summarizes split documents and attaches citations to every article that states each one. The
   * summary never has more than {@code options.words()} words; with {@code truncate} the budget is
   * filled exactly by adding the next-best sentence cut at the remaining words.
   */
  public static Summary summarizeDocuments(List<Document> docs, SummaryOptions options) {
    Summarizer summarizer = Summarizers.byName(options.summarizer());
    List<Sentence> chosen = summarizer.select(docs, options.words());
    CitationFinder.Index citations = CITATIONS.index(docs);
    List<SummarySentence> out = new ArrayList<>(chosen.size());
    int words = 0;
    for (Sentence s : chosen) {
      words += s.words();
      out.add(new SummarySentence(s.text(), s, citations.cite(s)));
    }
    if (options.truncate() && words < options.words()) {
      // --truncate fills the budget: the sentence the summarizer would add next, cut to fit
      Sentence next = nextBest(summarizer, docs, chosen, options.words());
      if (next != null) {
        String cut = Words.firstWords(next.text(), options.words() - words);
        out.add(new SummarySentence(cut, next, citedPrefix(docs, citations.cite(next), cut)));
      }
    }
    List<Article> articles = docs.stream().map(Document::article).toList();
    return new Summary(out, articles);
  }

  /**
   * Citations of a sentence cut by {@code --truncate}: where the cited text starts with the cut
   * words, the offsets cover just them, so a citation still points at exactly the text shown.
   */
  private static List<dev.precis.summarize.Citation> citedPrefix(
      List<Document> docs, List<dev.precis.summarize.Citation> cited, String cut) {
    List<dev.precis.summarize.Citation> out = new ArrayList<>(cited.size());
    for (dev.precis.summarize.Citation c : cited) {
      String text = docs.get(c.document()).article().text();
      boolean prefix = text.startsWith(cut, c.start()) && c.start() + cut.length() <= c.end();
      out.add(
          prefix
              ? new dev.precis.summarize.Citation(c.document(), c.start(), c.start() + cut.length())
              : c);
    }
    return out;
  }

  /** The first sentence a larger budget adds to {@code chosen}, else the first unused one. */
  private static Sentence nextBest(
      Summarizer summarizer, List<Document> docs, List<Sentence> chosen, int words) {
    java.util.Set<Sentence> have = new java.util.HashSet<>(chosen);
    for (Sentence s : summarizer.select(docs, words * 2)) {
      if (!have.contains(s)) {
        return s;
      }
    }
    return nextUnused(docs, chosen);
  }

  /**
   * The fact sheet of split documents: entities, quotations with speakers, figures aligned across
   * articles with their disagreements, and a timeline, every fact cited.
   */
  public static FactSheet facts(List<Document> docs) {
    return FactExtractor.standard().extract(docs);
  }

  private static Sentence nextUnused(List<Document> docs, List<Sentence> chosen) {
    for (Document d : docs) {
      for (Sentence s : d.sentences()) {
        if (!chosen.contains(s) && s.words() >= 5) {
          return s;
        }
      }
    }
    return null;
  }
}
