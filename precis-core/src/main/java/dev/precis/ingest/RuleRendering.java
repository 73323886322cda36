package dev.precis.ingest;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Renders the elements the rule-based extractor chose as text, one block a line, dropping lines
 * that are page furniture wherever they stand (advertisement labels, share buttons, calls to
 * subscribe). The words are the generic vocabulary of news templates, no page's own text.
 */
final class RuleRendering {
  static final Set<String> BLOCK_TAGS =
      wordSet(
          "p div section article main h1 h2 h3 h4 h5 h6 li ul ol blockquote pre"
              + " table tbody thead tfoot tr dl dt dd figure figcaption header footer"
              + " address aside form fieldset center details summary hr br caption body"
              + " html nav picture hgroup");

  /**
   * Lines that are page furniture when they stand alone: generic labels of ads, share buttons,
   * related-link boxes and media widgets. Phrases of one site's template ("continue reading the
   * main story", "toggle caption", "supported by"...) were removed: they quoted the pages the rules
   * were tuned on.
   */
  private static final Pattern FURNITURE_LINE =
      Pattern.compile(
          "(?i)^(advertisement|advertisment|advert|ad|anzeige|iklan|publicidad|publicité"
              + "|pubblicità|реклама|sponsored|continue reading|you may also like.*"
              + "|related (articles|stories|content|coverage)|caption|read more|related:?"
              + "|share( this)?( article| story)?|click to share.*|image:?|photo:?|video|close"
              + "|loading\\.*|email|print|facebook|twitter|linkedin|whatsapp|subscribe"
              + "|\\d* ?comments?|more:?|see more:?"
              // an unrendered WordPress shortcode: [button link=...]Text[/button]
              + "|\\[(?<code>[a-z_]+)\\b[^\\]]*\\].*\\[/\\k<code>\\])$");

  /** Calls to action that close many articles; only short lines are judged by them. */
  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "(?i)\\bfollow (us|him|her|me|them|\\w+) on (twitter|facebook|instagram|linkedin|youtube)"
              + "|\\bsubscribe (to|for|now|today)\\b|\\bsign up (for|to|now|today)\\b"
              + "|\\bnewsletters?\\b|\\bclick here\\b|\\bshare (it|this) with\\b"
              + "|\\blike this (story|article)\\b|\\bhave a (news )?tip\\b|\\bjoin our\\b"
              + "|^\\(?(reporting|writing|editing|additional reporting|compiled) by\\b");

  private RuleRendering() {}

  /** Renders elements as text, one block a line, dropping furniture lines. */
  static String render(List<Element> parts) {
    StringBuilder sb = new StringBuilder();
    for (Element part : parts) {
      appendText(part, sb);
      sb.append('\n');
    }
    StringBuilder out = new StringBuilder(sb.length());
    for (String line : sb.toString().split("\n")) {
      String l = line.strip();
      if (l.isEmpty()
          || FURNITURE_LINE.matcher(l).matches()
          || (l.length() < 250 && CALL_TO_ACTION.matcher(l).find())) {
        continue;
      }
      out.append(l).append('\n');
    }
    return out.toString().strip();
  }

  /**
   * Appends the text under {@code root}, blocks on their own lines (iterative: pages nest deep).
   */
  private static void appendText(Node root, StringBuilder sb) {
    org.jsoup.select.NodeTraversor.traverse(
        new org.jsoup.select.NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              appendNormalized(t.getWholeText(), sb, isInPre(t));
            } else if (node instanceof Element e) {
              String tag = e.normalName();
              if (tag.equals("br") || BLOCK_TAGS.contains(tag)) {
                sb.append('\n');
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (tag.equals("td") || tag.equals("th")) {
                sb.append(' ');
              } else if (!tag.equals("br") && BLOCK_TAGS.contains(tag)) {
                sb.append('\n');
              }
            }
          }
        },
        root);
  }

  private static boolean isInPre(TextNode t) {
    for (Element p = t.parent(); p != null; p = p.parent()) {
      if (p.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  private static void appendNormalized(String s, StringBuilder sb, boolean pre) {
    if (pre) {
      sb.append(s);
      return;
    }
    boolean space = sb.length() > 0 && Character.isWhitespace(sb.charAt(sb.length() - 1));
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u00a0') {
        if (!space) {
          sb.append(' ');
          space = true;
        }
      } else {
        sb.append(c);
        space = false;
      }
    }
  }

  private static Set<String> wordSet(String words) {
    return Set.of(words.split(" "));
  }
}
