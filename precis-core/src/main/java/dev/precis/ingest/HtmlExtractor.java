package dev.precis.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts the main text and metadata of an HTML page with a real HTML parser (jsoup).
 *
 * <p>Metadata (title, canonical URL, outlet, author, publication time, language) comes from Open
 * Graph and other meta tags, schema.org JSON-LD, {@code <time>} and byline elements (the language,
 * when the page declares none, is guessed from the text's function words); the main text from a
 * learned block classifier ({@link BlockModel}): the body is cut into text blocks in one pass, each
 * block judged main text or furniture from its own features and its neighbours'. The text holds the
 * article body only, one paragraph a line, without the title.
 *
 * <p>Thread-safe: every call works on its own parsed document.
 */
public final class HtmlExtractor {
  private final BlockExtractor mainText;

  /** An extractor with the block model shipped in the jar. */
  public HtmlExtractor() {
    this(BlockModel.standard());
  }

  /** An extractor with another block model (one just trained, say). */
  public HtmlExtractor(BlockModel model) {
    this.mainText = new BlockExtractor(model);
  }

  /** Extracts from {@code html}; {@code baseUrl} resolves relative links and may be null. */
  public ExtractedPage extract(String html, String baseUrl) {
    Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
    PageMetadata meta = PageMetadata.read(doc, baseUrl);
    String text = mainText.extract(doc);
    // A page that declares no language gets a guess from its text's function words.
    String language = meta.language != null ? meta.language : LanguageGuess.guess(text);
    return new ExtractedPage(
        meta.title, text, meta.url, meta.outlet, meta.published, meta.author, language);
  }

  /** The main text only, one paragraph a line. */
  public String mainText(String html) {
    return mainText.extract(Jsoup.parse(html));
  }
}
