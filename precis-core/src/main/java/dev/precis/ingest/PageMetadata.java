package dev.precis.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads page metadata the way publishers declare it: Open Graph and other {@code <meta>} tags,
 * schema.org JSON-LD, {@code <link rel=canonical>}, {@code <time datetime>}, byline elements and
 * the {@code <html lang>} attribute. Each field takes the most specific source present.
 */
final class PageMetadata {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "socialmediaposting",
          "liveblogposting",
          "techarticle",
          "scholarlyarticle",
          "report",
          "posting");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»]{1,2}\\s+");
  private static final Pattern BY_PREFIX = Pattern.compile("(?i)^\\s*(by|from|von|par|por|di)\\s+");
  private static final Pattern BYLINE_TAIL =
      Pattern.compile(
          "\\s+(@\\w+|[•|·]|\\d{1,2}[:/.]\\d|updated\\b|published\\b|(jan|feb|mar|apr|may|jun|jul"
              + "|aug|sep|oct|nov|dec)[a-z]*\\.? \\d)",
          Pattern.CASE_INSENSITIVE);
  private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
  private static final Pattern LANGUAGE = Pattern.compile("^([A-Za-z]{2,3})(?:[-_].*)?$");

  final String title;
  final String url;
  final String outlet;
  final String author;
  final Instant published;
  final String language;

  private PageMetadata(
      String title, String url, String outlet, String author, Instant published, String language) {
    this.title = title;
    this.url = url;
    this.outlet = outlet;
    this.author = author;
    this.published = published;
    this.language = language;
  }

  /** Reads metadata from a parsed page; call before the page is pruned. */
  static PageMetadata read(Document doc, String baseUrl) {
    MetadataElements found = MetadataElements.of(doc);
    List<JsonNode> ld = jsonLdObjects(found);
    Map<String, String> metas = metaTags(found);
    JsonNode article = null;
    JsonNode anyTyped = null;
    for (JsonNode n : ld) {
      if (hasType(n, ARTICLE_TYPES)) {
        article = n;
        break;
      }
      if (anyTyped == null && n.has("datePublished")) {
        anyTyped = n;
      }
    }
    if (article == null) {
      article = anyTyped;
    }
    String url = canonicalUrl(found, metas, baseUrl);
    String outlet = outlet(doc, metas, ld, article, url != null ? url : baseUrl);
    String title = title(doc, found, metas, article, outlet);
    String author = author(found, metas, article);
    Instant published = published(found, metas, article);
    String language = language(found, metas, article);
    return new PageMetadata(title, url, outlet, author, published, language);
  }

  // ---------------------------------------------------------------- JSON-LD

  private static List<JsonNode> jsonLdObjects(MetadataElements found) {
    List<JsonNode> out = new ArrayList<>();
    for (Element s : found.jsonLd) {
      String json = s.data().strip();
      if (json.isEmpty()) {
        continue;
      }
      try {
        collect(JSON.readTree(json), out, 0);
      } catch (java.io.IOException | RuntimeException malformed) {
        // Publishers often ship broken JSON-LD; the other sources still apply.
      }
    }
    return out;
  }

  private static void collect(JsonNode n, List<JsonNode> out, int depth) {
    if (n == null || depth > 4) {
      return;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        collect(c, out, depth + 1);
      }
    } else if (n.isObject()) {
      out.add(n);
      collect(n.get("@graph"), out, depth + 1);
      JsonNode main = n.get("mainEntity");
      if (main != null && main.isObject()) {
        collect(main, out, depth + 1);
      }
    }
  }

  private static boolean hasType(JsonNode n, Set<String> types) {
    JsonNode t = n.get("@type");
    if (t == null) {
      return false;
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (types.contains(x.asText().toLowerCase(Locale.ROOT))) {
          return true;
        }
      }
      return false;
    }
    return types.contains(t.asText().toLowerCase(Locale.ROOT));
  }

  private static String ldText(JsonNode n, String field) {
    if (n == null) {
      return null;
    }
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isArray() && v.size() > 0) {
      v = v.get(0);
    }
    if (v.isObject()) {
      v = v.get("name");
    }
    return v != null && v.isValueNode() ? blankToNull(v.asText()) : null;
  }

  /** Names from a JSON-LD person/organization value: a string, an object, or an array. */
  private static List<String> ldNames(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      for (JsonNode x : v) {
        out.addAll(ldNames(x));
      }
    } else if (v.isObject()) {
      JsonNode name = v.get("name");
      if (name != null) {
        out.addAll(ldNames(name));
      }
    } else if (v.isValueNode()) {
      String s = blankToNull(v.asText());
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- meta tags

  /** The content of the first meta tag whose property, name or itemprop is one of {@code keys}. */
  private static String meta(Map<String, String> metas, String... keys) {
    for (String key : keys) {
      String v = metas.get(key.toLowerCase(Locale.ROOT));
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Every meta tag's content by its property, name or itemprop (lower case), first one wins. */
  private static Map<String, String> metaTags(MetadataElements found) {
    Map<String, String> out = new HashMap<>();
    for (Element m : found.metas) {
      String content = blankToNull(m.attr("content"));
      if (content == null) {
        continue;
      }
      for (String attr : new String[] {"property", "name", "itemprop"}) {
        String key = m.attr(attr);
        if (!key.isEmpty()) {
          out.putIfAbsent(key.strip().toLowerCase(Locale.ROOT), content);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- fields

  private static String canonicalUrl(
      MetadataElements found, Map<String, String> metas, String baseUrl) {
    Element link = found.canonical;
    if (link != null) {
      String abs = link.absUrl("href");
      String v = blankToNull(abs.isEmpty() ? link.attr("href") : abs);
      if (v != null && v.matches("(?i)https?://.+")) {
        return v;
      }
    }
    String og = meta(metas, "og:url");
    if (og != null && og.matches("(?i)https?://.+")) {
      return og;
    }
    return blankToNull(baseUrl);
  }

  private static String outlet(
      Document doc, Map<String, String> metas, List<JsonNode> ld, JsonNode article, String url) {
    String site = meta(metas, "og:site_name", "application-name", "twitter:app:name:iphone");
    if (site != null) {
      // Some sites put their address in og:site_name; the host reads better.
      return site.matches("(?i)(https?://|www\\.)[a-z0-9.-]+\\.[a-z]{2,}/?")
          ? SiteRepeats.host(site.matches("(?i)https?://.*") ? site : "http://" + site)
          : site;
    }
    if (article != null) {
      List<String> publisher = ldNames(article.get("publisher"));
      if (!publisher.isEmpty()) {
        return publisher.get(0);
      }
    }
    for (JsonNode n : ld) {
      if (hasType(n, Set.of("organization", "newsmediaorganization", "website"))) {
        String name = ldText(n, "name");
        if (name != null) {
          return name;
        }
      }
    }
    return SiteRepeats.host(url);
  }

  private static String title(
      Document doc,
      MetadataElements found,
      Map<String, String> metas,
      JsonNode article,
      String outlet) {
    String og = meta(metas, "og:title", "twitter:title");
    if (og != null) {
      return stripSiteName(og, outlet);
    }
    String headline = ldText(article, "headline");
    if (headline != null) {
      return stripSiteName(headline, outlet);
    }
    String title = blankToNull(doc.title());
    Element h1 = found.h1;
    String h1Text = h1 == null ? null : blankToNull(h1.text());
    if (title == null) {
      return h1Text;
    }
    // The page's own headline inside a longer <title> ("Headline | Site") is the headline.
    if (h1Text != null && title.contains(h1Text) && h1Text.length() * 5 >= title.length() * 2) {
      return h1Text;
    }
    return stripSiteName(title, outlet);
  }

  /** Removes a trailing or leading " | Site Name" from a title. */
  static String stripSiteName(String title, String outlet) {
    String t = title.strip().replaceAll("\\s+", " ");
    Matcher m = TITLE_SEPARATOR.matcher(t);
    List<int[]> seps = new ArrayList<>();
    while (m.find()) {
      seps.add(new int[] {m.start(), m.end()});
    }
    if (seps.isEmpty()) {
      return t;
    }
    String norm = outlet == null ? null : squash(outlet);
    int[] last = seps.get(seps.size() - 1);
    String tail = t.substring(last[1]);
    String head = t.substring(0, last[0]);
    if (norm != null && isSiteName(tail, norm)) {
      return stripSiteName(head, outlet);
    }
    int[] first = seps.get(0);
    String lead = t.substring(0, first[0]);
    if (norm != null && isSiteName(lead, norm)) {
      return t.substring(first[1]).strip();
    }
    // "Headline | Section | Site | ...": the headline comes first.
    long pipes = seps.stream().filter(x -> t.substring(x[0], x[1]).contains("|")).count();
    if (pipes >= 2 && words(t.substring(0, first[0])) >= 2) {
      return t.substring(0, first[0]).strip();
    }
    // No known outlet: drop a short last segment after a pipe, the usual site suffix.
    if (t.substring(last[0], last[1]).contains("|") && words(tail) <= 4 && words(head) >= 3) {
      return head.strip();
    }
    return t;
  }

  private static boolean isSiteName(String segment, String squashedOutlet) {
    String s = squash(segment);
    if (s.isEmpty()) {
      return false;
    }
    return s.equals(squashedOutlet)
        || (squashedOutlet.length() >= 3
            && (s.contains(squashedOutlet) || squashedOutlet.contains(s))
            && words(segment) <= 5);
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "").replaceFirst("^the", "");
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  private static String author(
      MetadataElements found, Map<String, String> metas, JsonNode article) {
    if (article != null) {
      Set<String> names = new LinkedHashSet<>();
      for (String n : ldNames(article.get("author"))) {
        String clean = cleanAuthor(n);
        if (clean != null) {
          names.add(clean);
        }
      }
      if (!names.isEmpty()) {
        return String.join(", ", names);
      }
    }
    String meta =
        meta(
            metas,
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "DC.creator",
            "byl",
            "twitter:creator");
    if (meta != null && !meta.matches("(?i)https?://.*")) {
      String clean = cleanAuthor(meta);
      if (clean != null) {
        return clean;
      }
    }
    // [itemprop=author] [itemprop=name], [itemprop=author], [rel=author], .byline-name,
    // .author-name, .byline__name, .byline, .author: in document order.
    for (Element e : found.bylines) {
      String clean = cleanAuthor(e.text());
      if (clean != null && clean.length() <= 80) {
        return clean;
      }
    }
    return null;
  }

  private static String cleanAuthor(String s) {
    if (s == null) {
      return null;
    }
    String t = BY_PREFIX.matcher(s.strip().replaceAll("\\s+", " ")).replaceFirst("");
    // Byline elements run on into handles, dates and reading times: keep the names.
    Matcher tail = BYLINE_TAIL.matcher(t);
    if (tail.find()) {
      t = t.substring(0, tail.start());
    }
    // Handles, profile URLs and CMS account names ("admin") name no one.
    if (t.startsWith("@")
        || t.matches("(?i)https?://.*")
        || t.isBlank()
        || t.matches("(?i)\\w*admin\\w*")) {
      return null;
    }
    return t.strip();
  }

  private static Instant published(
      MetadataElements found, Map<String, String> metas, JsonNode article) {
    String[] candidates = {
      meta(metas, "article:published_time"),
      article != null ? ldText(article, "datePublished") : null,
      meta(
          metas,
          "datePublished",
          "og:published_time",
          "published_time",
          "pubdate",
          "publishdate",
          "publish-date",
          "parsely-pub-date",
          "sailthru.date",
          "dc.date",
          "DC.date",
          "dc.date.issued",
          "dcterms.created",
          "date",
          "article.published",
          "cXenseParse:recs:publishtime"),
    };
    for (String c : candidates) {
      Instant i = parseDate(c);
      if (i != null) {
        return i;
      }
    }
    // Marked publication times first, then times inside the article, then any time: the first
    // <time> on a page may belong to a "latest news" box.
    for (List<Element> elements : List.of(found.markedTimes, found.articleTimes, found.times)) {
      for (Element t : elements) {
        Instant i = parseDate(t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content"));
        if (i != null) {
          return i;
        }
      }
    }
    return parseDate(meta(metas, "article:modified_time", "og:updated_time", "dateModified"));
  }

  private static final DateTimeFormatter LOOSE_OFFSET =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalEnd()
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  /** Parses the date formats publishers use; {@code null} when none fits or it is implausible. */
  static Instant parseDate(String s) {
    Instant i = parseAnyDate(s);
    // Placeholders such as 0001-01-01 are no publication time.
    return i != null && i.isAfter(EARLIEST) ? i : null;
  }

  private static Instant parseAnyDate(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      var parsed = LOOSE_OFFSET.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime o) {
        return o.toInstant();
      }
      if (parsed instanceof LocalDateTime l) {
        return l.toInstant(ZoneOffset.UTC);
      }
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next format
    }
    if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      try {
        return LocalDate.parse(t.substring(0, 10)).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
    if (t.matches("\\d{8}")) {
      try {
        return LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
    if (t.matches("\\d{10}|\\d{13}")) {
      long v = Long.parseLong(t);
      return t.length() == 10 ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
    }
    return null;
  }

  private static String language(
      MetadataElements found, Map<String, String> metas, JsonNode article) {
    Element html = found.html;
    String[] candidates = {
      html != null ? html.attr("lang") : null,
      html != null ? html.attr("xml:lang") : null,
      meta(metas, "og:locale", "language", "dc.language", "DC.language"),
      article != null ? ldText(article, "inLanguage") : null,
      attr(found.contentLanguage, "content"),
    };
    for (String c : candidates) {
      if (c == null) {
        continue;
      }
      Matcher m = LANGUAGE.matcher(c.strip());
      if (m.matches()) {
        return m.group(1).toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  private static String attr(Element e, String name) {
    return e == null ? null : blankToNull(e.attr(name));
  }

  private static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
