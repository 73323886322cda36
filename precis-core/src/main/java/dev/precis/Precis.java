package dev.precis;

import dev.precis.facts.FactExtractor;
import dev.precis.facts.FactSheet;
import dev.precis.format.EventSummary;
import dev.precis.ingest.ExtractedPage;
import dev.precis.ingest.HtmlExtractor;
import dev.precis.ingest.RawArticle;
import dev.precis.model.Article;
import dev.precis.model.Citation;
import dev.precis.story.Story;
import dev.precis.story.StoryClusterer;
import dev.precis.story.StoryEvent;
import dev.precis.story.StoryOptions;
import dev.precis.summarize.CitationFinder;
import dev.precis.summarize.Summarizer;
import dev.precis.summarize.Summarizers;
import dev.precis.summarize.Summary;
import dev.precis.summarize.SummaryOptions;
import dev.precis.summarize.SummarySentence;
import dev.precis.text.BoilerplateCleaner;
import dev.precis.text.CleanText;
import dev.precis.text.Document;
import dev.precis.text.FurnitureSentenceFilter;
import dev.precis.text.RuleBasedCleaner;
import dev.precis.text.RuleBasedSentenceSplitter;
import dev.precis.text.Sentence;
import dev.precis.text.SentenceSplitter;
import dev.precis.text.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Precis library: raw articles in, a cited extractive summary out. An instance holds the stages
 * (cleaner, sentence splitter, summarizers by name, fact extractor); {@link #builder()} swaps any
 * of them, {@link #defaults()} is the standard set.
 *
 * <pre>{@code
 * Precis precis = Precis.builder().summarizer(new ConceptSummarizer()).build();
 * List<RawArticle> in = List.of(
 *     RawArticle.ofText("a", "Tillerson met Lavrov in Moscow on Wednesday. ..."),
 *     RawArticle.ofHtml("b", "<html>...</html>"));   // ofText would keep the tags as text
 * Summary summary = precis.summarize(in, SummaryOptions.defaults().withWords(100));
 * for (SummarySentence s : summary.sentences()) {
 *   System.out.println(s.text() + " " + s.citations());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe as long as the stages given to the builder are; all
 * results are immutable records.
 */
public final class Precis {
  private static final Precis DEFAULTS = builder().build();

  private final HtmlExtractor extractor;
  private final BoilerplateCleaner cleaner;
  private final SentenceSplitter splitter;
  private final Summarizers summarizers;
  private final CitationFinder citations;
  private final FactExtractor facts;

  private Precis(Builder b) {
    this.extractor = b.extractor;
    this.cleaner = b.cleaner;
    this.splitter = b.splitter;
    this.summarizers = b.summarizers;
    this.citations = b.citations;
    this.facts = b.facts;
  }

  /** The standard stages: rule-based cleaner and splitter, the concept summarizer as default. */
  public static Precis defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The summarizers this instance knows by name ({@link SummaryOptions#summarizer()}). */
  public Summarizers summarizers() {
    return summarizers;
  }

  /** Extracts (HTML) and cleans a raw article; the title is kept as metadata. */
  public Article prepare(RawArticle raw) {
    String title = raw.title();
    String url = raw.url();
    String body = raw.content();
    String outlet = null;
    String author = null;
    String language = null;
    Instant published = raw.published();
    if (raw.format() == RawArticle.Format.HTML) {
      ExtractedPage page = extractor.extract(raw.content(), raw.url());
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
    CleanText clean = cleaner.clean(title, body);
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

  /** Prepares every raw article, in order. */
  public List<Article> prepareAll(List<RawArticle> raw) {
    List<Article> articles = new ArrayList<>(raw.size());
    for (RawArticle r : raw) {
      articles.add(prepare(r));
    }
    return articles;
  }

  /** Splits prepared articles into documents, indexed in list order. */
  public List<Document> split(List<Article> articles) {
    List<Document> docs = new ArrayList<>(articles.size());
    for (int i = 0; i < articles.size(); i++) {
      docs.add(Document.of(i, articles.get(i), splitter));
    }
    return docs;
  }

  /** Prepares, splits and summarizes raw articles. */
  public Summary summarize(List<RawArticle> raw, SummaryOptions options) {
    return summarizeArticles(prepareAll(raw), options);
  }

  /** Summarizes articles that are already cleaned. */
  public Summary summarizeArticles(List<Article> articles, SummaryOptions options) {
    return summarizeDocuments(split(articles), options);
  }

  /**
   * Summarizes split documents with the summarizer {@code options} names and attaches citations to
   * every article that states each sentence. The summary never has more than {@code
   * options.words()} words; with {@code truncate} the budget is filled exactly by adding the
   * next-best sentence cut at the remaining words.
   */
  public Summary summarizeDocuments(List<Document> docs, SummaryOptions options) {
    Summarizer summarizer = summarizers.create(options.summarizer());
    List<Sentence> chosen = summarizer.select(docs, options.words());
    CitationFinder.Index index = citations.index(docs);
    List<SummarySentence> out = new ArrayList<>(chosen.size());
    int words = 0;
    for (Sentence s : chosen) {
      words += s.words();
      out.add(new SummarySentence(s.text(), s, index.cite(s)));
    }
    if (options.truncate() && words < options.words()) {
      // --truncate fills the budget: the sentence the summarizer would add next, cut to fit
      Sentence next = nextBest(summarizer, docs, chosen, options.words());
      if (next != null) {
        String cut = Words.firstWords(next.text(), options.words() - words);
        out.add(new SummarySentence(cut, next, citedPrefix(docs, index.cite(next), cut)));
      }
    }
    List<Article> articles = docs.stream().map(Document::article).toList();
    return new Summary(out, articles);
  }

  /**
   * Groups articles into events with the story clusterer, reading them in the given order: one
   * group per event, in time order (undated events last). Articles that copy another are left out
   * of the groups (the original stands for them).
   *
   * <pre>{@code
   * List<EventGroup> events = precis.events(precis.prepareAll(raw));
   * if (events.size() > 1) { ... summarize each ... }
   * }</pre>
   */
  public List<EventGroup> events(List<Article> articles) {
    List<Story> stories = new ArrayList<>();
    StoryClusterer clusterer = new StoryClusterer(StoryOptions.defaults(), stories::add);
    for (Article a : articles) {
      if (!a.text().isBlank()) {
        clusterer.add(a);
      }
    }
    clusterer.closeAll();
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) {
      byId.putIfAbsent(a.id(), a);
    }
    List<EventGroup> out = new ArrayList<>();
    for (Story story : stories) {
      Set<String> canonical = new HashSet<>(story.canonicalIds());
      for (StoryEvent e : story.events()) {
        List<Article> members = new ArrayList<>();
        for (String id : e.articleIds()) {
          if (canonical.contains(id)) {
            members.add(byId.get(id));
          }
        }
        out.add(new EventGroup(e, story.id(), members));
      }
    }
    out.sort(
        Comparator.comparing(
                (EventGroup g) -> g.event().day(),
                Comparator.nullsLast(Comparator.<java.time.LocalDate>naturalOrder()))
            .thenComparingLong(g -> g.event().id()));
    return out;
  }

  /**
   * Summarizes each event on its own, in time order: a summary never mixes sentences of two events.
   * The word budget is shared by the square root of each event's size, at least {@link
   * #MIN_EVENT_WORDS} each, so a one-article event still has room for the lead sentence that says
   * what happened (news leads run 25 to 40 words), while larger events keep the larger share.
   */
  public List<EventSummary> summarizeEvents(List<EventGroup> events, SummaryOptions options) {
    double total = 0;
    for (EventGroup g : events) {
      total += Math.sqrt(g.articles().size());
    }
    List<EventSummary> out = new ArrayList<>();
    for (EventGroup g : events) {
      int words =
          Math.max(
              MIN_EVENT_WORDS,
              (int)
                  Math.round(
                      options.words() * Math.sqrt(g.articles().size()) / Math.max(1e-9, total)));
      SummaryOptions mine = new SummaryOptions(words, options.truncate(), options.summarizer());
      out.add(
          new EventSummary(
              g.event(),
              g.articles().isEmpty()
                  ? new Summary(List.of(), List.of())
                  : summarizeArticles(g.articles(), mine)));
    }
    return out;
  }

  /** Fewest words an event gets in a summary of several events: room for one lead sentence. */
  public static final int MIN_EVENT_WORDS = 40;

  /**
   * The fact sheet of split documents: entities, quotations with speakers, figures aligned across
   * articles with their disagreements, and a timeline, every fact cited.
   */
  public FactSheet facts(List<Document> docs) {
    return facts.extract(docs);
  }

  /**
   * Citations of a sentence cut by {@code --truncate}: where the cited text starts with the cut
   * words, the offsets cover just them, so a citation still points at exactly the text shown.
   */
  private static List<Citation> citedPrefix(List<Document> docs, List<Citation> cited, String cut) {
    List<Citation> out = new ArrayList<>(cited.size());
    for (Citation c : cited) {
      String text = docs.get(c.document()).article().text();
      boolean prefix = text.startsWith(cut, c.start()) && c.start() + cut.length() <= c.end();
      out.add(prefix ? new Citation(c.document(), c.start(), c.start() + cut.length()) : c);
    }
    return out;
  }

  /** The first sentence a larger budget adds to {@code chosen}, else the first unused one. */
  private static Sentence nextBest(
      Summarizer summarizer, List<Document> docs, List<Sentence> chosen, int words) {
    Set<Sentence> have = new HashSet<>(chosen);
    for (Sentence s : summarizer.select(docs, words * 2)) {
      if (!have.contains(s)) {
        return s;
      }
    }
    for (Document d : docs) {
      for (Sentence s : d.sentences()) {
        if (!have.contains(s) && s.words() >= 5) {
          return s;
        }
      }
    }
    return null;
  }

  /** Chooses the stages of a {@link Precis}; every one has the standard default. */
  public static final class Builder {
    private BoilerplateCleaner cleaner = new RuleBasedCleaner();
    // sentences recurring across unrelated stories and timestamp lines are furniture, not news
    private SentenceSplitter splitter =
        FurnitureSentenceFilter.standard(new RuleBasedSentenceSplitter());
    private Summarizers summarizers = Summarizers.standard();
    private CitationFinder citations = new CitationFinder();
    private FactExtractor facts = FactExtractor.standard();
    private HtmlExtractor extractor = new HtmlExtractor();

    private Builder() {}

    /**
     * The main-text extractor for HTML articles, e.g. {@code new
     * HtmlExtractor(HtmlExtractor.Method.LEARNED)}; default {@link HtmlExtractor.Method#DEFAULT}.
     */
    public Builder extractor(HtmlExtractor extractor) {
      this.extractor = Objects.requireNonNull(extractor);
      return this;
    }

    /** The boilerplate cleaner (default {@link RuleBasedCleaner}). */
    public Builder cleaner(BoilerplateCleaner cleaner) {
      this.cleaner = Objects.requireNonNull(cleaner, "cleaner");
      return this;
    }

    /**
     * The sentence splitter (default {@link RuleBasedSentenceSplitter} behind {@link
     * FurnitureSentenceFilter#standard}).
     */
    public Builder splitter(SentenceSplitter splitter) {
      this.splitter = Objects.requireNonNull(splitter, "splitter");
      return this;
    }

    /**
     * The summarizer used under the name {@code default} (default: the concept summarizer). The
     * same instance serves every call, so it must be thread-safe if the {@code Precis} is shared.
     */
    public Builder summarizer(Summarizer summarizer) {
      Objects.requireNonNull(summarizer, "summarizer");
      return summarizer(() -> summarizer);
    }

    /** A factory for the {@code default} summarizer: a fresh instance per summary. */
    public Builder summarizer(Supplier<? extends Summarizer> factory) {
      this.summarizers = summarizers.with("default", factory);
      return this;
    }

    /** Every summarizer known by name (default {@link Summarizers#standard()}). */
    public Builder summarizers(Summarizers summarizers) {
      this.summarizers = Objects.requireNonNull(summarizers, "summarizers");
      return this;
    }

    /**
     * How summary sentences find their sources (default {@link CitationFinder#CitationFinder()}).
     */
    public Builder citations(CitationFinder citations) {
      this.citations = Objects.requireNonNull(citations, "citations");
      return this;
    }

    /** The fact extractor (default {@link FactExtractor#standard()}). */
    public Builder facts(FactExtractor facts) {
      this.facts = Objects.requireNonNull(facts, "facts");
      return this;
    }

    public Precis build() {
      return new Precis(this);
    }
  }
}
