package dev.precis.facts;

import dev.precis.facts.QuoteExtractor.Found;
import dev.precis.text.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/** The quotations of one article and who said each. */
final class QuoteAttribution {
  final Document doc;
  final String text;

  /** The text with every quotation blanked: verbs and names inside quotations attribute nothing. */
  final String masked;

  final List<int[]> spans;
  final List<EntityExtractor.ResolvedMention> mentions = new ArrayList<>();
  final List<Entity> entities;

  /**
   * [position, entity]: sentence subjects and named subjects of speech verbs, the antecedents of
   * "he".
   */
  final List<int[]> salient = new ArrayList<>();

  QuoteAttribution(Document d, EntityExtractor.Result result) {
    this.doc = d;
    this.text = Spaces.normalize(d.article().text());
    this.spans = QuoteExtractor.spans(text);
    this.entities = result.entities();
    char[] blanked = text.toCharArray();
    for (int[] sp : spans) {
      for (int k = sp[0] + 1; k < sp[1]; k++) {
        blanked[k] = '_';
      }
    }
    this.masked = new String(blanked);
    for (EntityExtractor.ResolvedMention m : result.mentions().get(d.index())) {
      if (!QuoteExtractor.inside(spans, m.start())) {
        mentions.add(m);
      }
    }
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (type(m) != EntityType.PLACE && (isSubject(m) || isSpeechSubject(m))) {
        salient.add(new int[] {m.start(), m.entity()});
      }
    }
  }

  EntityType type(EntityExtractor.ResolvedMention m) {
    return entities.get(m.entity()).type();
  }

  /**
   * "Lavrov said", "Tillerson also told", "said Lavrov", "said White House spokesman Sean Spicer".
   */
  boolean isSpeechSubject(EntityExtractor.ResolvedMention m) {
    String next = QuoteExtractor.verbAfter(masked, m.end(), true);
    if (next != null && QuoteExtractor.VERB_SET.contains(next)) {
      return true;
    }
    // walk back over role words to the verb: "said [White House spokesman] Sean Spicer"
    int i = m.start();
    for (int words = 0; words < 6; words++) {
      int end = i;
      while (end > 0 && masked.charAt(end - 1) == ' ') {
        end--;
      }
      int start = end;
      while (start > 0
          && (Character.isLetter(masked.charAt(start - 1))
              || masked.charAt(start - 1) == '.'
              || masked.charAt(start - 1) == '\''
              || masked.charAt(start - 1) == '’')) {
        start--;
      }
      if (start == end) {
        return false;
      }
      String w = masked.substring(start, end);
      String lw = w.toLowerCase(Locale.ROOT);
      if (QuoteExtractor.VERB_SET.contains(lw)) {
        return true;
      }
      if (!(Character.isUpperCase(w.charAt(0))
          || QuoteExtractor.ROLE_WORDS.contains(lw)
          || lw.endsWith("'s")
          || lw.endsWith("’s"))) {
        return false;
      }
      i = start;
    }
    return false;
  }

  /** A name followed by a verb ("Trump forcefully denounced", "Mulet, the acting head …, told"). */
  boolean isSubject(EntityExtractor.ResolvedMention m) {
    String head = masked.substring(Math.max(0, m.start() - 6), m.start());
    if (head.endsWith("that ") || head.endsWith("whether ")) {
      return false; // "Gabriel also said that Tillerson had focused": a reported subject
    }
    String next = QuoteExtractor.verbAfter(masked, m.end(), false);
    if (next != null
        && (QuoteExtractor.VERB_SET.contains(next)
            || next.endsWith("ed")
            || (next.endsWith("s") && !next.endsWith("ss")))) {
      return true;
    }
    if (m.end() < masked.length() && masked.charAt(m.end()) == ',') {
      String rest = masked.substring(m.end(), Math.min(masked.length(), m.end() + 120));
      return QuoteExtractor.APPOSITIVE_THEN_VERB.matcher(rest).find();
    }
    return false;
  }

  List<Found> quotes() {
    List<Found> out = new ArrayList<>();
    Integer previousSpeaker = null;
    int previousParagraph = -1;
    for (int q = 0; q < spans.size(); q++) {
      int open = spans.get(q)[0];
      int close = spans.get(q)[1];
      String inner = text.substring(open + 1, close).strip().replaceAll("[,\\s]+$", "");
      int paragraph = text.lastIndexOf('\n', open);
      if (paragraph != previousParagraph) {
        previousSpeaker = null;
        previousParagraph = paragraph;
      }
      if (dev.precis.text.Words.count(inner) < QuoteExtractor.MIN_WORDS) {
        continue;
      }
      int[] who = attribute(q, open, close, paragraph);
      if (who != null && who[0] < 0) {
        // "…," said a spokesperson for Tony Blair: attributed, but to nobody named
        out.add(
            new Found(
                doc.index(),
                open,
                close,
                inner,
                null,
                QuoteExtractor.DESCRIBED,
                QuoteExtractor.citation(doc, open, close)));
        previousSpeaker = null;
        continue;
      }
      if (who == null && previousSpeaker != null) {
        who = new int[] {previousSpeaker, QuoteExtractor.CONTINUED};
      }
      if (who == null) {
        who = previousSentenceSubject(open, paragraph);
      }
      Integer speaker = who == null ? null : who[0];
      if (speaker != null) {
        previousSpeaker = speaker;
      }
      out.add(
          new Found(
              doc.index(),
              open,
              close,
              inner,
              speaker,
              who == null ? 0 : who[1],
              QuoteExtractor.citation(doc, open, close)));
    }
    // "…" if we are faced with "…," added Larijani: a quotation continued in the same sentence
    for (int i = out.size() - 2; i >= 0; i--) {
      Found a = out.get(i);
      Found b = out.get(i + 1);
      String between = masked.substring(a.close() + 1, b.open());
      if (a.speaker() == null
          && a.strength() != QuoteExtractor.DESCRIBED
          && b.speaker() != null
          && between.indexOf('\n') < 0
          && !QuoteExtractor.hasSentenceEnd(between)) {
        out.set(
            i,
            new Found(
                a.document(),
                a.open(),
                a.close(),
                a.text(),
                b.speaker(),
                b.strength(),
                a.citation()));
      }
    }
    return out;
  }

  /** [entity, strength] of the attribution next to a quotation, or null. */
  int[] attribute(int q, int open, int close, int paragraph) {
    int nextOpen = q + 1 < spans.size() ? spans.get(q + 1)[0] : text.length();
    int paraEnd = text.indexOf('\n', close);
    if (paraEnd < 0) {
      paraEnd = text.length();
    }
    int afterEnd = Math.min(Math.min(nextOpen, paraEnd), close + 200);
    String after = masked.substring(close + 1, afterEnd);
    int sentenceEnd = QuoteExtractor.sentenceEnd(after);
    after = after.substring(0, sentenceEnd);
    afterEnd = close + 1 + after.length();
    // 1. after the quotation: "…," said X / "…," he said / "…," X said / "…" due to Y, said X
    Matcher v = QuoteExtractor.VERB_START.matcher(after);
    if (v.find()) {
      Integer m = speakerAfterVerb(close + 1 + v.end(), afterEnd);
      if (m != null) {
        return new int[] {m, QuoteExtractor.NAMED};
      }
      if (QuoteExtractor.DESCRIBED_SPEAKER.matcher(after.substring(v.end())).find()) {
        return new int[] {-1, 0};
      }
    }
    Matcher sv = QuoteExtractor.SUBJECT_VERB_START.matcher(after);
    if (sv.find() && sv.group(1) != null) {
      Integer m = resolvePronoun(sv.group(1), close + 1 + sv.start(1));
      if (m != null) {
        return new int[] {m, QuoteExtractor.PRONOUN};
      }
    }
    Integer subject = subjectThenVerb(close + 1, afterEnd);
    if (subject != null) {
      return new int[] {subject, QuoteExtractor.NAMED};
    }
    Matcher late = QuoteExtractor.VERB_AFTER_COMMA.matcher(after);
    if (late.find()) {
      Integer m = speakerAfterVerb(close + 1 + late.end(), afterEnd);
      if (m != null) {
        return new int[] {m, QuoteExtractor.NAMED};
      }
    }
    // 2. before it, in its sentence: X said: "…" / X said that "…" / he added: "…"
    int beforeStart = Math.max(paragraph + 1, open - 300);
    if (masked.substring(paragraph + 1, open).isBlank() && paragraph > 0) {
      // Ms North says:\n\n"…": the introducing paragraph ends with a colon
      int prevEnd = paragraph;
      while (prevEnd > 0 && Character.isWhitespace(masked.charAt(prevEnd - 1))) {
        prevEnd--;
      }
      if (prevEnd > 0 && masked.charAt(prevEnd - 1) == ':') {
        int prevStart = masked.lastIndexOf('\n', prevEnd - 1) + 1;
        beforeStart = Math.max(prevStart, prevEnd - 300);
        String intro = masked.substring(beforeStart, prevEnd);
        int[] who = attributeBefore(intro, beforeStart, open);
        if (who != null) {
          return who;
        }
      }
    }
    String before = masked.substring(beforeStart, open);
    int cut = Math.min(before.length(), QuoteExtractor.lastSentenceBreak(before + "\""));
    return attributeBefore(before.substring(cut), beforeStart + cut, open);
  }

  /**
   * The speaker named in {@code before} (starting at offset {@code from}) for a quotation at {@code
   * open}.
   */
  int[] attributeBefore(String before, int from, int open) {
    int limit = from + before.length();
    Matcher verbs = QuoteExtractor.VERB_ANYWHERE.matcher(before);
    int verbStart = -1;
    int verbEnd = -1;
    String verb = "";
    while (verbs.find()) {
      verbStart = from + verbs.start();
      verbEnd = from + verbs.end();
      verb = verbs.group().toLowerCase(Locale.ROOT);
    }
    if (verbStart >= 0) {
      Matcher p = QuoteExtractor.PRONOUN_BEFORE_VERB.matcher(masked.substring(from, verbStart));
      if (p.find()) {
        Integer m = resolvePronoun(p.group(1), from + p.start(1));
        if (m != null) {
          return new int[] {m, QuoteExtractor.PRONOUN};
        }
      }
      EntityExtractor.ResolvedMention adjacent = null;
      for (EntityExtractor.ResolvedMention m : mentions) {
        if (m.start() >= from
            && m.end() <= verbStart
            && QuoteExtractor.ADJACENT_GAP
                .matcher(masked.substring(m.end(), verbStart))
                .matches()) {
          adjacent = m;
        }
      }
      if (adjacent != null) {
        return new int[] {adjacent.entity(), QuoteExtractor.NAMED};
      }
      // after "told" or "asked" stands whom it was said to ("told the BBC"), not the speaker
      if (!QuoteExtractor.ADDRESSEE_VERBS.contains(verb)) {
        Integer inverted = speakerAfterVerb(verbEnd, Math.min(open, limit + 1));
        if (inverted != null) {
          return new int[] {inverted, QuoteExtractor.NAMED};
        }
      }
      Integer first = firstSubject(from, verbStart);
      if (first != null) {
        return new int[] {first, QuoteExtractor.NAMED};
      }
      Matcher initial = QuoteExtractor.INITIAL_PRONOUN.matcher(masked.substring(from, verbStart));
      if (initial.find()) {
        Integer m = resolvePronoun(initial.group(1), from + initial.start(1));
        if (m != null) {
          return new int[] {m, QuoteExtractor.PRONOUN};
        }
      }
    }
    return null;
  }

  /** "…" opening a sentence after one that introduces a person: that person. */
  int[] previousSentenceSubject(int open, int paragraph) {
    String before = masked.substring(Math.max(paragraph + 1, 0), open);
    if (!before.isBlank() && !QuoteExtractor.hasSentenceEnd(before.strip() + " X")) {
      return null; // the quotation does not open a sentence
    }
    int end = paragraph + 1 + before.length();
    String prior = before.strip();
    if (prior.isEmpty()) {
      return null;
    }
    int cut = QuoteExtractor.lastSentenceBreak(prior.substring(0, Math.max(0, prior.length() - 1)));
    int from = paragraph + 1 + (before.length() - before.stripLeading().length()) + cut;
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.start() >= from && m.end() <= end && type(m) == EntityType.PERSON) {
        return new int[] {m.entity(), QuoteExtractor.CONTINUED};
      }
    }
    return null;
  }

  /** The speaker named right after a speech verb: "said White House spokesman Sean Spicer". */
  Integer speakerAfterVerb(int from, int limit) {
    EntityExtractor.ResolvedMention best = null;
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.start() < from) {
        continue;
      }
      if (m.start() >= Math.min(limit, from + 80)) {
        break;
      }
      String gap = masked.substring(from, m.start());
      if (!QuoteExtractor.ROLE_GAP.matcher(gap).matches()) {
        if (QuoteExtractor.APPOSITIVE_GAP.matcher(gap).matches() && type(m) == EntityType.PERSON) {
          return m.entity(); // "said one local resident, Omen Cola,"
        }
        break; // "said a spokesperson for Tony Blair": the speaker is a description
      }
      if (type(m) == EntityType.PERSON) {
        return m.entity();
      }
      if (best == null && type(m) != EntityType.PLACE) {
        best = m;
      }
    }
    return best == null ? null : best.entity();
  }

  /** "…," Tillerson told reporters: a name right after the quotation, then a speech verb. */
  Integer subjectThenVerb(int from, int limit) {
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.start() < from) {
        continue;
      }
      if (m.start() >= limit) {
        break;
      }
      if (!QuoteExtractor.ROLE_GAP.matcher(masked.substring(from, m.start())).matches()) {
        return null;
      }
      if (m.end() > limit) {
        break; // a name that runs past the window has no verb after it inside the window
      }
      String rest = masked.substring(m.end(), Math.min(limit, m.end() + 40));
      if (QuoteExtractor.SUBJECT_VERB_START.matcher(rest).find()
          || QuoteExtractor.APPOSITIVE_THEN_VERB.matcher(masked.substring(m.end(), limit)).find()) {
        return m.entity();
      }
    }
    return null;
  }

  /** The first person or organisation of a clause: "Putin, who …, insisted that". */
  Integer firstSubject(int from, int to) {
    Integer org = null;
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.start() >= from && m.end() <= to && type(m) == EntityType.PERSON) {
        return m.entity();
      }
      if (org == null && m.start() >= from && m.end() <= to && type(m) == EntityType.ORGANIZATION) {
        org = m.entity();
      }
    }
    return org;
  }

  Integer resolvePronoun(String pronoun, int at) {
    String p = pronoun.toLowerCase(Locale.ROOT);
    EntityType want =
        p.equals("he") || p.equals("she") ? EntityType.PERSON : EntityType.ORGANIZATION;
    int[] best = null;
    for (int i = salient.size() - 1; i >= 0; i--) {
      int[] e = salient.get(i);
      if (e[0] < at && entities.get(e[1]).type() == want) {
        best = e;
        break;
      }
    }
    // "Xiao Tan, 32, of Chinese origin, …. "…," he told AFP": a person introduced in apposition
    for (int i = mentions.size() - 1; i >= 0; i--) {
      EntityExtractor.ResolvedMention m = mentions.get(i);
      if (m.start() >= at || type(m) != want) {
        continue;
      }
      if ((best == null || m.start() > best[0])
          && at - m.start() < 450
          && m.end() < masked.length()
          && masked.charAt(m.end()) == ',') {
        return m.entity();
      }
      break;
    }
    return best == null ? null : best[1];
  }
}
