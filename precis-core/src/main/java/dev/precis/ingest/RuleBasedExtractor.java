package dev.precis.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Finds the main text of a page, in the spirit of Readability and boilerpipe but tuned on news
 * pages: the DOM is pruned of furniture (scripts, navigation, hidden and clearly non-article blocks
 * named by their class or id), paragraphs are scored by length and commas, scores flow to their
 * ancestors damped by link density, the best container wins, its siblings that look like article
 * text join it, and the result is pruned again of link lists, share bars and similar blocks before
 * it is rendered one paragraph a line.
 *
 * <p>Not thread-safe per call (state lives in the call); one instance may serve many threads.
 */
final class RuleBasedExtractor {

  /** Elements that never carry article text. */
  private static final String ALWAYS_REMOVED =
      "script, style, noscript, template, svg, canvas, iframe, object, embed, button, input,"
          + " select, textarea, option, audio, video, source, track, map, dialog, link, meta";

  /** Page furniture by tag; kept when it holds much of the page's paragraph text. */
  private static final Set<String> STRUCTURAL_FURNITURE =
      Set.of("nav", "header", "footer", "aside", "menu");

  private static final Set<String> INLINE_PARENTS =
      wordSet("h1 h2 h3 h4 h5 h6 li span a em strong b i");

  private static final Set<String> SUBHEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");

  private static final Set<String> PRUNABLE_CONTAINERS =
      wordSet("div section ul ol table form fieldset figure dl");

  private final Map<Element, Double> scores = new IdentityHashMap<>();
  private final ClassWords classWords = new ClassWords();

  /** The page's own site ("nj.com"), to tell internal links from links elsewhere; may be null. */
  private String site;

  private final Set<Element> quoteHolders =
      java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** Text length and weighted link-text length per element, see {@link #measure}. */
  private Map<Element, double[]> stats = new IdentityHashMap<>();

  /** Extracts the main text of {@code doc}; the document is modified. */
  static String extract(Document doc) {
    return extract(doc, null);
  }

  /** As {@link #extract(Document)}, knowing the page's own URL (may be null). */
  static String extract(Document doc, String pageUrl) {
    RuleBasedExtractor x = new RuleBasedExtractor();
    x.site = ElementShapes.siteOf(pageUrl != null ? pageUrl : doc.location());
    return x.run(doc);
  }

  private String run(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    doc.select(ALWAYS_REMOVED).remove();
    Map<Element, Integer> paragraphText = paragraphTextByElement(body);
    int total = paragraphText.getOrDefault(body, 0);
    removeHidden(body, paragraphText, total);
    findQuoteHolders(body);
    removeFurniture(body, paragraphText, total);
    Element top = bestCandidate(body);
    if (top == null) {
      return RuleRendering.render(List.of(body));
    }
    List<Element> parts = withSiblings(top);
    for (Element part : parts) {
      prune(part);
    }
    String text = RuleRendering.render(parts);
    if (text.length() < 100 && body.text().length() > text.length() * 3) {
      // The chosen block is too small to be the article: fall back to the whole body.
      prune(body);
      String whole = RuleRendering.render(List.of(body));
      if (whole.length() > text.length()) {
        return whole;
      }
    }
    return text;
  }

  // ---------------------------------------------------------------- pruning before scoring

  /**
   * Removes elements hidden by attribute or inline style (menus, modals, templates), except one
   * holding much of the page's paragraph text: pages that reveal the article by script hide it in
   * the markup.
   */
  private static void removeHidden(Element root, Map<Element, Integer> paragraphText, int total) {
    List<Element> hidden = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      boolean isHidden = e.hasAttr("hidden");
      String style = e.attr("style");
      if (!isHidden && !style.isEmpty()) {
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        isHidden = s.contains("display:none") || s.contains("visibility:hidden");
      }
      if (isHidden && !(total > 0 && paragraphText.getOrDefault(e, 0) > total * 0.3)) {
        hidden.add(e);
      }
    }
    for (Element e : hidden) {
      e.remove();
    }
  }

  /** Text length inside {@code <p>}-like elements, per element (summed over descendants). */
  private static Map<Element, Integer> paragraphTextByElement(Element root) {
    Map<Element, Integer> out = new IdentityHashMap<>();
    for (Element p : root.select("p, pre")) {
      int len = p.text().length();
      if (len == 0) {
        continue;
      }
      for (Element a = p; a != null; a = a.parent()) {
        out.merge(a, len, Integer::sum);
        if (a == root) {
          break;
        }
      }
    }
    return out;
  }

  private void removeFurniture(Element body, Map<Element, Integer> paragraphText, int total) {
    List<Element> doomed = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body || e.tagName().equals("article") || e.tagName().equals("main")) {
        continue;
      }
      boolean structural = STRUCTURAL_FURNITURE.contains(e.normalName());
      boolean furniture =
          structural || classWords.isNegative(e) || e.normalName().equals("figcaption");
      if (!furniture) {
        continue;
      }
      // Embedded posts (tweets, Instagram) sit in "social" wrappers but are quoted article text.
      if (!structural && holdsQuote(e)) {
        continue;
      }
      int held = paragraphText.getOrDefault(e, 0);
      // A wrapper with a careless class name ("page has-sidebar") may hold the article itself.
      // Comment threads can outweigh the article; anything else holding much of the page's
      // paragraph text is kept for the scorer to judge.
      if (total > 0 && held > total * 0.3 && !classWords.isComment(e)) {
        continue;
      }
      doomed.add(e);
    }
    // Innermost first, so that a hover card goes before the inline wrapper holding its name.
    for (int i = doomed.size() - 1; i >= 0; i--) {
      Element e = doomed.get(i);
      if (isInlineInText(e)) {
        // Inline elements named "tag" or "meta" are usually links inside sentences; only a
        // long run of links (a hover card glued into the text) is furniture.
        String text = e.text();
        if (text.length() < 60 || ElementShapes.directLinkDensity(e) < 0.5) {
          continue;
        }
      }
      e.remove();
    }
  }

  private static boolean isInlineInText(Element e) {
    if (RuleRendering.BLOCK_TAGS.contains(e.normalName())
        || STRUCTURAL_FURNITURE.contains(e.normalName())) {
      return false;
    }
    Element parent = e.parent();
    return parent != null
        && (ElementShapes.PARAGRAPH_TAGS.contains(parent.normalName())
            || INLINE_PARENTS.contains(parent.normalName()));
  }

  /** True for wrappers of quoted posts (tweets, Instagram), which belong to the article. */
  private boolean holdsQuote(Element e) {
    return quoteHolders.contains(e) && !classWords.isComment(e);
  }

  /** Remembers every element with a blockquote inside, in one pass over the blockquotes. */
  private void findQuoteHolders(Element root) {
    quoteHolders.clear();
    for (Element q : root.getElementsByTag("blockquote")) {
      for (Element a = q.parent(); a != null && quoteHolders.add(a); a = a.parent()) {
        // climbs until it meets an ancestor already marked
      }
    }
  }

  // ---------------------------------------------------------------- scoring

  private Element bestCandidate(Element body) {
    measure(body);
    Map<Element, Double> raw = new HashMap<>();
    List<Element> order = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (!ElementShapes.isParagraphLike(e)) {
        continue;
      }
      String text = ElementShapes.ownBlockText(e);
      if (text.length() < 25) {
        continue;
      }
      double score = 1 + ElementShapes.commas(text) + Math.min(text.length() / 100, 3);
      Element ancestor = e.parent();
      for (int level = 0; ancestor != null && level < 5; level++) {
        if (!raw.containsKey(ancestor)) {
          raw.put(ancestor, initialScore(ancestor));
          order.add(ancestor);
        }
        double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        raw.merge(ancestor, score / divider, Double::sum);
        if (ancestor == body) {
          break;
        }
        ancestor = ancestor.parent();
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Element c : order) {
      double s = raw.get(c) * (1 - linkDensity(c));
      scores.put(c, s);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (best == null) {
      return null;
    }
    return promote(best, bestScore, body);
  }

  /** Climbs from the best candidate to an ancestor when the article is split across blocks. */
  private Element promote(Element best, double bestScore, Element body) {
    // Several strong candidates under one ancestor: that ancestor holds the whole article.
    List<Element> strong = new ArrayList<>();
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      if (e.getKey() != best && e.getValue() >= bestScore * 0.75) {
        strong.add(e.getKey());
      }
    }
    Element top = best;
    if (strong.size() >= 3) {
      for (Element a = best.parent(); a != null && a != body; a = a.parent()) {
        int inside = 0;
        for (Element s : strong) {
          if (isAncestor(a, s)) {
            inside++;
          }
        }
        if (inside >= 3) {
          top = a;
          break;
        }
      }
    }
    // A wrapper whose only child is the candidate adds nothing but may hold siblings' context.
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    return top;
  }

  private static boolean isAncestor(Element a, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == a) {
        return true;
      }
    }
    return false;
  }

  private double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + classWords.classWeight(e);
  }

  /**
   * Measures, in one pass over the text nodes, each element's text length and the part of it inside
   * links (in-page anchors such as footnotes count 0.3: they read as text).
   */
  private void measure(Element root) {
    stats = new IdentityHashMap<>();
    for (TextNode t : allTextNodes(root)) {
      int len = t.text().length();
      if (len == 0) {
        continue;
      }
      double weight = 0;
      for (Element e = t.parent(); e != null; e = e.parent()) {
        if (weight == 0 && e.normalName().equals("a")) {
          weight = e.attr("href").startsWith("#") ? 0.3 : 1;
        }
        double[] s = stats.computeIfAbsent(e, k -> new double[2]);
        s[0] += len;
        s[1] += len * weight;
        if (e == root) {
          break;
        }
      }
    }
  }

  private static List<TextNode> allTextNodes(Element root) {
    List<TextNode> out = new ArrayList<>();
    org.jsoup.select.NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t) {
            out.add(t);
          }
        },
        root);
    return out;
  }

  private double linkDensity(Element e) {
    double[] s = stats.get(e);
    if (s == null) {
      return ElementShapes.directLinkDensity(e);
    }
    return s[0] == 0 ? 0 : Math.min(1, s[1] / s[0]);
  }

  // ---------------------------------------------------------------- assembling

  private List<Element> withSiblings(Element top) {
    Element parent = top.parent();
    if (parent == null) {
      return List.of(top);
    }
    double topScore = scores.getOrDefault(top, 0.0);
    double threshold = Math.max(10, topScore * 0.2);
    List<Element> parts = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == top) {
        parts.add(sibling);
        continue;
      }
      double bonus = 0;
      if (!top.className().isEmpty() && top.className().equals(sibling.className())) {
        bonus = topScore * 0.2;
      }
      Double s = scores.get(sibling);
      if (s != null && s + bonus >= threshold) {
        parts.add(sibling);
        continue;
      }
      if (sibling.normalName().equals("p")
          || (ElementShapes.isParagraphLike(sibling) && !ElementShapes.hasBlockChildren(sibling))) {
        String text = sibling.text();
        double ld = linkDensity(sibling);
        if ((text.length() > 80 && ld < 0.25)
            || (text.length() > 0 && ld == 0 && text.matches("(?s).*\\.\\s*$"))) {
          parts.add(sibling);
        }
      }
    }
    return parts;
  }

  // ---------------------------------------------------------------- pruning after choosing

  /** Removes blocks inside the chosen content that look like lists of links or furniture. */
  private void prune(Element root) {
    measure(root);
    List<Element> doomed = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      if (e == root) {
        continue;
      }
      String tag = e.normalName();
      if (tag.equals("h1")) {
        doomed.add(e);
        continue;
      }
      if ((tag.equals("p") || tag.equals("li")) && isLinkLine(e)) {
        doomed.add(e);
        continue;
      }
      if (SUBHEADINGS.contains(tag)) {
        if (classWords.classWeight(e) < 0 || linkDensity(e) > 0.33) {
          doomed.add(e);
        }
        continue;
      }
      if (isImageWithCaption(e)) {
        doomed.add(e);
        continue;
      }
      if (!PRUNABLE_CONTAINERS.contains(tag)) {
        continue;
      }
      if (shouldDrop(e)) {
        doomed.add(e);
        // "More stories" above a dropped list of links goes with it.
        Element label = e.previousElementSibling();
        if ((tag.equals("ul") || tag.equals("ol"))
            && label != null
            && ElementShapes.isLabel(label)) {
          doomed.add(label);
        }
      }
    }
    for (Element e : doomed) {
      e.remove();
    }
  }

  /**
   * A picture with a line of text beside it: the text is a caption or credit. Icons and emoji
   * (images declared smaller than 64 pixels) do not count.
   */
  private boolean isImageWithCaption(Element e) {
    String tag = e.normalName();
    if (!(tag.equals("div") || tag.equals("figure") || tag.equals("span"))) {
      return false;
    }
    double[] s = stats.get(e);
    if (s == null || s[0] == 0 || s[0] > 150) {
      return false;
    }
    for (Element img : e.getElementsByTag("img")) {
      if (!ElementShapes.isSmall(img.attr("width")) && !ElementShapes.isSmall(img.attr("height"))) {
        return true;
      }
    }
    return false;
  }

  /** A short paragraph that is (almost) all link: "Read more: ...", a related headline. */
  private boolean isLinkLine(Element e) {
    String text = e.text();
    if (text.isEmpty() || text.length() > 150 || linkDensity(e) <= 0.75) {
      return false;
    }
    // Links to other sites (sources, shops) are content; links within the site are teasers.
    if (site != null) {
      for (Element a : e.getElementsByTag("a")) {
        String href = a.attr("href").strip();
        if (href.matches("(?i)https?://.*") && !site.equals(ElementShapes.siteOf(href))) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean shouldDrop(Element e) {
    if (holdsQuote(e) && linkDensity(e) < 0.5) {
      return false;
    }
    int weight = classWords.classWeight(e);
    double score = scores.getOrDefault(e, 0.0);
    if (weight + score < 0) {
      return true;
    }
    String text = e.text();
    if (ElementShapes.commas(text) >= 10) {
      return false;
    }
    boolean list = e.normalName().equals("ul") || e.normalName().equals("ol");
    int p = e.getElementsByTag("p").size();
    int img = e.getElementsByTag("img").size();
    int li = e.getElementsByTag("li").size() - 100;
    double ld = linkDensity(e);
    int len = text.length();
    if (img > 1 && (double) p / img < 0.5 && len < 200) {
      return true;
    }
    if (!list && li > p) {
      return true;
    }
    if (weight < 25 && ld > 0.2 && !(list && ld < 0.5)) {
      return len < 1000 || ld > 0.5;
    }
    if (weight >= 25 && ld > 0.5) {
      return true;
    }
    if (list && ld > 0.5) {
      return true;
    }
    // A list whose every item links somewhere, with much of its text in links: teasers.
    if (list && ld > 0.35 && ElementShapes.everyItemLinks(e)) {
      return true;
    }
    return false;
  }

  private static Set<String> wordSet(String words) {
    return Set.of(words.split(" "));
  }
}
