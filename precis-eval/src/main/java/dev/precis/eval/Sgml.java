package dev.precis.eval;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * The SGML of DUC/TAC document and summary files ({@code <DOC>}, {@code <DOCNO>}, {@code <TEXT>},
 * {@code <P>}), parsed by jsoup's lenient XML parser: tag names compared ignoring case, unclosed
 * tags closed where their parent ends, named and numeric entities decoded, and a stray {@code <} or
 * {@code &} in the text kept as text.
 */
final class Sgml {
  private Sgml() {}

  /** The parsed file; tag names in lower case ({@code doc}, {@code text}, {@code p}). */
  static Element parse(String sgml) {
    return Jsoup.parse(sgml, "", Parser.xmlParser().settings(ParseSettings.htmlDefault));
  }

  /**
   * The text inside {@code element} with its tags removed: each paragraph ({@code <P>}) starts and
   * ends with {@code paragraphBreak}, any other tag with a space (so words on either side stay
   * apart); a no-break space is a space; runs of spaces and tabs become one space.
   */
  static String text(Element element, String paragraphBreak) {
    StringBuilder out = new StringBuilder();
    element.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              out.append(t.getWholeText().replace('\u00a0', ' '));
            } else if (node instanceof Element e && depth > 0) {
              out.append(e.normalName().equals("p") ? paragraphBreak : " ");
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && depth > 0) {
              out.append(e.normalName().equals("p") ? paragraphBreak : " ");
            }
          }
        });
    return out.toString().replaceAll("[ \\t]{2,}", " ");
  }
}
