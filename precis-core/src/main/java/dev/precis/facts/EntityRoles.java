package dev.precis.facts;

import dev.precis.text.analysis.Token;
import java.util.List;
import java.util.Locale;

/**
 * The role a text gives a person where it names them: a title before the name ("Russian Foreign
 * Minister Sergey Lavrov") or an appositive after it ("Sergey Lavrov, the Russian foreign
 * minister,").
 */
final class EntityRoles {
  private final Lexicon lex;

  EntityRoles(Lexicon lex) {
    this.lex = lex;
  }

  /**
   * The role written just before a name: title words, capitalised words, demonyms and connectors
   * ("Russian Deputy Permanent Representative to the United Nations", "White House spokesman",
   * "Putin's spokesman,").
   */
  String before(List<Token> toks, int nameStart) {
    int k = nameStart - 1;
    if (k >= 1 && toks.get(k).text().equals(",") && lex.isTitleWord(toks.get(k - 1).text())) {
      k--; // "Putin's spokesman, Dmitry Peskov"
    }
    int end = k + 1;
    int start = end;
    boolean title = false;
    while (k >= 0) {
      Token t = toks.get(k);
      String w = t.text();
      String lw = w.toLowerCase(Locale.ROOT);
      if (k + 1 < toks.size()
          && toks.get(k + 1).start() == t.end()
          && t.isWord()
          && toks.get(k + 1).isWord()) {
        break; // glued to the next word: another name, not a role
      }
      if (lex.isTitleWord(lw) || lex.titles.contains(lw)) {
        title = true;
      } else if (lex.titleModifiers.contains(lw)) {
        // "deputy", "foreign", "permanent": part of a title, not one by itself
      } else if (t.isWord() && t.isCapitalised() && !lex.isFunctionWord(w)) {
        // organisation or nationality part of the role
      } else if (w.equals("'s") || w.equals("’s")) {
        // possessive ("Putin's spokesman")
      } else if ((lw.equals("to") || lw.equals("of") || lw.equals("the") || lw.equals("for"))
          && k > 0
          && start < end
          && (toks.get(k - 1).isCapitalised()
              || lex.isTitleWord(toks.get(k - 1).text())
              || (lw.equals("the") && (toks.get(k - 1).is("to") || toks.get(k - 1).is("of"))))) {
        // connector inside a role ("Ambassador to the UN")
      } else if (t.isWord()
          && lex.orgWords.contains(lw)
          && k + 1 < toks.size()
          && lex.isTitleWord(toks.get(k + 1).text())) {
        // lower-case role parts ("department spokesman", "foreign minister")
      } else {
        break;
      }
      start = k;
      k--;
    }
    // leading connectors are not part of the role
    while (start < end
        && EntityExtractor.CONNECTORS.contains(toks.get(start).text().toLowerCase(Locale.ROOT))) {
      start++;
    }
    if (!title || start >= end) {
      return null;
    }
    // the role must contain a title word, and end with one or a connector-joined organisation
    boolean hasTitle = false;
    for (int m = start; m < end; m++) {
      String lw = toks.get(m).text().toLowerCase(Locale.ROOT);
      if (lex.isTitleWord(lw)
          && !lw.startsWith("mr")
          && !lw.startsWith("mrs")
          && !lw.equals("ms")
          && !lw.startsWith("dr")) {
        hasTitle = true;
      }
    }
    if (!hasTitle) {
      return null;
    }
    return EntityExtractor.joinText(toks, start, end);
  }

  /** An appositive role after a name: "Sergey Lavrov, the Russian foreign minister,". */
  String after(List<Token> toks, int nameEnd) {
    int k = nameEnd;
    if (k >= toks.size() || !toks.get(k).text().equals(",")) {
      return null;
    }
    k++;
    if (k < toks.size() && (toks.get(k).is("the") || toks.get(k).is("a") || toks.get(k).is("an"))) {
      k++;
    }
    int start = k;
    int lastTitle = -1;
    while (k < toks.size() && k - start < 8) {
      Token t = toks.get(k);
      String lw = t.text().toLowerCase(Locale.ROOT);
      if (lex.isTitleWord(lw)) {
        lastTitle = k;
      } else if (!(t.isWord()
          && (t.isCapitalised()
              || lw.equals("foreign")
              || lw.equals("deputy")
              || lex.orgWords.contains(lw)
              || lw.equals("of")
              || lw.equals("to")
              || lw.equals("the")
              || lw.equals("'s")
              || lw.equals("’s")))) {
        break;
      }
      k++;
    }
    if (lastTitle < 0 || lastTitle + 1 != k) {
      return null;
    }
    if (k < toks.size() && !(toks.get(k).text().equals(",") || toks.get(k).text().equals("."))) {
      return null;
    }
    String lw = toks.get(start).text().toLowerCase(Locale.ROOT);
    if (lw.startsWith("mr") || lw.equals("ms") || lw.startsWith("dr")) {
      return null;
    }
    return EntityExtractor.joinText(toks, start, k);
  }
}
