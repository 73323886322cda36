package dev.precis.facts;

import dev.precis.summarize.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds direct quotations and their speakers. A speaker is read from the attribution next to
 * the quotation ("…," said Lavrov / "…," Tillerson told reporters / Trump added: "…"); a
 * pronoun ("he added") resolves to the most recent person named as the subject of a speech verb
 * outside quotations; a quotation without attribution continues the speaker of the previous one
 * in its paragraph. Quotations carried by several articles, whole or in part, are merged.
 */
final class QuoteExtractor {
  /** Quotations shorter than this are scare quotes ("barbaric"), not statements. */
  static final int MIN_WORDS = 4;

  private static final String VERBS =
      "said|says|say|told|tells|added|adds|stated|declared|noted|explained|asked|replied|responded"
          + "|insisted|claimed|claims|warned|argued|wrote|writes|tweeted|announced|continued|remarked"
          + "|recalled|conceded|acknowledged|urged|emphasized|emphasised|stressed|suggested|admitted"
          + "|complained|repeated|reiterated|concluded|observed|cautioned|vowed|pledged|boasted";
  private static final Pattern VERB_START =
      Pattern.compile("^\\s*(?:[,.:;!?]\\s*)?(?:" + VERBS + ")\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SUBJECT_VERB_START =
      Pattern.compile(
          "^\\s*(?:[,.:;!?—-]\\s*)?(?:(he|she|it|they)\\s+)?(?:(?:also|later|then|further|again|simply|once)\\s+)?(?:"
              + VERBS
              + ")\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern VERB_ANYWHERE =
      Pattern.compile("\\b(?:" + VERBS + "|according to)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PRONOUN_BEFORE_VERB =
      Pattern.compile("\\b(he|she|it|they)\\s+(?:\\w+ly\\s+|also\\s+|later\\s+|then\\s+)?$", Pattern.CASE_INSENSITIVE);

  /** A quotation as found in one article. */
  record Found(
      int document, int open, int close, String text, Integer speaker, int strength, Citation citation) {}

  private static final int NAMED = 3;
  private static final int PRONOUN = 2;
  private static final int CONTINUED = 1;

  List<Quote> extract(List<Document> docs, EntityExtractor.Result entities) {
    List<Found> found = new ArrayList<>();
    for (Document d : docs) {
      found.addAll(inDocument(d, entities));
    }
    return merge(found, entities.entities());
  }

  /** Quotation spans [open, close] (offsets of the marks) in one article, paragraph by paragraph. */
  static List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int para = text.indexOf('\n', i);
      if (para < 0) {
        para = n;
      }
      int open = -1;
      char closer = 0;
      for (int k = i; k < para; k++) {
        char c = text.charAt(k);
        boolean between = k > 0 && k + 1 < n && Character.isLetter(text.charAt(k - 1)) && Character.isLetter(text.charAt(k + 1));
        if (open < 0) {
          if (c == '“') {
            open = k;
            closer = '”';
          } else if (c == '"' && !between) {
            open = k;
            closer = '"';
          } else if ((c == '\'' || c == '‘') && !between && (k == 0 || !Character.isLetterOrDigit(text.charAt(k - 1)))
              && k + 1 < n && Character.isLetter(text.charAt(k + 1))) {
            open = k;
            closer = c == '‘' ? '’' : '\'';
          }
        } else if ((c == closer || (closer == '”' && c == '"') || (closer == '"' && c == '”')) && !(between && closer != '”')) {
          if ((closer == '\'' || closer == '’') && k + 1 < n && Character.isLetter(text.charAt(k + 1))) {
            continue; // an apostrophe inside a single-quoted span
          }
          out.add(new int[] {open, k});
          open = -1;
        }
      }
      i = para + 1;
    }
    return out;
  }

  private List<Found> inDocument(Document d, EntityExtractor.Result entities) {
    String text = d.article().text();
    List<int[]> spans = spans(text);
    List<EntityExtractor.ResolvedMention> mentions = new ArrayList<>();
    for (EntityExtractor.ResolvedMention m : entities.mentions().get(d.index())) {
      if (!inside(spans, m.start())) {
        mentions.add(m);
      }
    }
    // subjects of speech verbs outside quotations, in text order: the antecedents of "he said"
    List<int[]> speakerEvents = speakerEvents(text, spans, mentions, entities.entities());
    // the text with every quotation blanked: verbs and names inside quotations attribute nothing
    char[] blanked = text.toCharArray();
    for (int[] sp : spans) {
      for (int k = sp[0] + 1; k < sp[1]; k++) {
        blanked[k] = '_';
      }
    }
    String masked = new String(blanked);
    List<Found> out = new ArrayList<>();
    Integer previousSpeaker = null;
    int previousParagraph = -1;
    for (int q = 0; q < spans.size(); q++) {
      int open = spans.get(q)[0];
      int close = spans.get(q)[1];
      String inner = text.substring(open + 1, close).strip();
      inner = inner.replaceAll("[,\\s]+$", "");
      int paragraph = text.lastIndexOf('\n', open);
      if (paragraph != previousParagraph) {
        previousSpeaker = null;
        previousParagraph = paragraph;
      }
      if (dev.precis.text.Words.count(inner) < MIN_WORDS) {
        continue;
      }
      int nextOpen = q + 1 < spans.size() ? spans.get(q + 1)[0] : text.length();
      int paraEnd = text.indexOf('\n', close);
      if (paraEnd < 0) {
        paraEnd = text.length();
      }
      int afterEnd = Math.min(Math.min(nextOpen, paraEnd), close + 160);
      String after = text.substring(close + 1, afterEnd);
      int beforeStart = Math.max(paragraph + 1, open - 250);
      Integer speaker = null;
      int strength = 0;
      // 1. after the quotation: "…," said X / "…," X said / "…," he said
      Matcher sv = SUBJECT_VERB_START.matcher(after);
      Matcher v = VERB_START.matcher(after);
      if (v.find()) {
        Integer m = firstMentionIn(mentions, close + 1 + v.end(), close + 1 + v.end() + 70, entities, true);
        if (m != null) {
          speaker = m;
          strength = NAMED;
        }
      }
      if (speaker == null && sv.find() && sv.group(1) != null) {
        speaker = resolvePronoun(sv.group(1), open, speakerEvents, mentions, entities.entities());
        strength = speaker == null ? 0 : PRONOUN;
      }
      if (speaker == null) {
        Integer m = subjectBeforeVerb(text, after, close + 1, mentions, entities);
        if (m != null) {
          speaker = m;
          strength = NAMED;
        }
      }
      // 2. before it: X said: "…" / X said that "…" / he added: "…"
      if (speaker == null && beforeStart < open) {
        String before = masked.substring(beforeStart, open);
        int cut = lastSentenceBreak(before);
        int from = beforeStart + cut;
        before = before.substring(cut);
        Matcher verbs = VERB_ANYWHERE.matcher(before);
        int lastVerbStart = -1;
        int lastVerbEnd = -1;
        while (verbs.find()) {
          lastVerbStart = verbs.start();
          lastVerbEnd = verbs.end();
        }
        if (lastVerbStart >= 0) {
          Matcher p = PRONOUN_BEFORE_VERB.matcher(before.substring(0, lastVerbStart));
          Integer m = lastMentionIn(mentions, from, from + lastVerbStart, entities);
          if (p.find() && (m == null || mentionEnd(mentions, m, from + lastVerbStart) < from + p.start())) {
            speaker = resolvePronoun(p.group(1), open, speakerEvents, mentions, entities.entities());
            strength = speaker == null ? 0 : PRONOUN;
          } else if (m != null) {
            speaker = m;
            strength = NAMED;
          } else {
            Integer after2 = firstMentionIn(mentions, from + lastVerbEnd, from + lastVerbEnd + 60, entities, true);
            if (after2 != null) {
              speaker = after2;
              strength = NAMED;
            }
          }
        }
      }
      // 3. a quotation without attribution continues its paragraph's speaker
      if (speaker == null && previousSpeaker != null) {
        speaker = previousSpeaker;
        strength = CONTINUED;
      }
      if (speaker != null) {
        previousSpeaker = speaker;
      }
      out.add(new Found(d.index(), open, close, inner, speaker, strength, citation(d, open, close)));
    }
    return out;
  }

  private static int mentionEnd(List<EntityExtractor.ResolvedMention> mentions, int entity, int before) {
    int end = -1;
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.entity() == entity && m.end() <= before) {
        end = Math.max(end, m.end());
      }
    }
    return end;
  }

  private static int lastSentenceBreak(String before) {
    int cut = 0;
    for (int i = 0; i + 1 < before.length(); i++) {
      char c = before.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(before.charAt(i + 1))
          && i + 2 < before.length() && Character.isUpperCase(before.charAt(i + 2))
          && !(i >= 2 && Character.isUpperCase(before.charAt(i - 1)) && before.charAt(i - 2) == '.')
          && !(i >= 2 && before.substring(Math.max(0, i - 3), i).matches(".*\\b(Mr|Ms|Dr|Mrs|St|Gen|Sen|Rep|Gov)$"))) {
        cut = i + 2;
      }
    }
    return cut;
  }

  /** "…," Tillerson told reporters: a name right after the quotation, then a speech verb. */
  private static Integer subjectBeforeVerb(
      String text, String after, int offset, List<EntityExtractor.ResolvedMention> mentions,
      EntityExtractor.Result entities) {
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.start() < offset) {
        continue;
      }
      if (m.start() > offset + 90) {
        break;
      }
      String gap = text.substring(offset, m.start());
      // only punctuation, a role or a description may stand between the quotation and the name
      if (!gap.matches("[\\s,.:;!?—–-]*(?:[\\p{L}.'’ -]{0,70})?") || VERB_ANYWHERE.matcher(gap).find()) {
        return null;
      }
      String rest = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
      if (SUBJECT_VERB_START.matcher(rest).find()
          && entities.entities().get(m.entity()).type() != EntityType.PLACE) {
        return m.entity();
      }
      if (!rest.startsWith(",") && !rest.startsWith(" ,")) {
        // "…," White House spokesman Sean Spicer told reporters: skip the role words
        continue;
      }
      return null;
    }
    return null;
  }

  private static Integer firstMentionIn(
      List<EntityExtractor.ResolvedMention> mentions, int from, int to, EntityExtractor.Result entities,
      boolean speakersOnly) {
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.start() >= from && m.start() < to) {
        EntityType t = entities.entities().get(m.entity()).type();
        if (!speakersOnly || t != EntityType.PLACE) {
          return m.entity();
        }
        return null;
      }
    }
    return null;
  }

  /** The nearest person or organisation ending before {@code to}, in the 4 words before it. */
  private static Integer lastMentionIn(
      List<EntityExtractor.ResolvedMention> mentions, int from, int to, EntityExtractor.Result entities) {
    EntityExtractor.ResolvedMention best = null;
    for (EntityExtractor.ResolvedMention m : mentions) {
      if (m.start() >= from && m.end() <= to
          && entities.entities().get(m.entity()).type() != EntityType.PLACE) {
        best = m;
      }
    }
    return best == null ? null : best.entity();
  }

  /** [position, entity] for every named subject of a speech verb outside quotations. */
  private static List<int[]> speakerEvents(
      String text, List<int[]> spans, List<EntityExtractor.ResolvedMention> mentions, List<Entity> entities) {
    List<int[]> out = new ArrayList<>();
    for (EntityExtractor.ResolvedMention m : mentions) {
      String rest = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
      String head = text.substring(Math.max(0, m.start() - 30), m.start());
      boolean subject = SUBJECT_VERB_START.matcher(rest).find()
          || Pattern.compile("(?:" + VERBS + ")\\s+(?:[\\p{L}.'’ ]{0,40}\\s)?$", Pattern.CASE_INSENSITIVE).matcher(head).find();
      if (subject) {
        out.add(new int[] {m.start(), m.entity()});
      }
    }
    return out;
  }

  private static Integer resolvePronoun(
      String pronoun, int at, List<int[]> events, List<EntityExtractor.ResolvedMention> mentions,
      List<Entity> entities) {
    String p = pronoun.toLowerCase(Locale.ROOT);
    EntityType want = p.equals("he") || p.equals("she") ? EntityType.PERSON : EntityType.ORGANIZATION;
    for (int i = events.size() - 1; i >= 0; i--) {
      int[] e = events.get(i);
      if (e[0] < at && entities.get(e[1]).type() == want) {
        return e[1];
      }
    }
    for (int i = mentions.size() - 1; i >= 0; i--) {
      EntityExtractor.ResolvedMention m = mentions.get(i);
      if (m.start() < at && entities.get(m.entity()).type() == want) {
        return m.entity();
      }
    }
    return null;
  }

  private static boolean inside(List<int[]> spans, int offset) {
    for (int[] s : spans) {
      if (offset > s[0] && offset < s[1]) {
        return true;
      }
    }
    return false;
  }

  private static Citation citation(Document d, int open, int close) {
    int start = open;
    int end = close + 1;
    for (Sentence s : d.sentences()) {
      if (s.end() > open && s.start() <= close) {
        start = Math.min(start, s.start());
        end = Math.max(end, s.end());
      }
    }
    return new Citation(d.index(), start, end);
  }

  // ---------------------------------------------------------------- merging across articles

  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}\\p{N}']+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static Set<String> trigrams(List<String> w) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 2 < w.size(); i++) {
      out.add(w.get(i) + ' ' + w.get(i + 1) + ' ' + w.get(i + 2));
    }
    if (w.size() < 3) {
      out.add(String.join(" ", w));
    }
    return out;
  }

  /** Whether two versions are one quotation: most of the shorter one's trigrams are in the other. */
  static boolean sameQuote(String a, String b) {
    Set<String> ta = trigrams(words(a));
    Set<String> tb = trigrams(words(b));
    Set<String> small = ta.size() <= tb.size() ? ta : tb;
    Set<String> large = small == ta ? tb : ta;
    if (small.isEmpty()) {
      return false;
    }
    int hit = 0;
    for (String g : small) {
      if (large.contains(g)) {
        hit++;
      }
    }
    return hit >= 2 && hit >= 0.6 * small.size();
  }

  private static List<Quote> merge(List<Found> found, List<Entity> entities) {
    int n = found.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (sameQuote(found.get(i).text(), found.get(j).text())) {
          parent[find(parent, j)] = find(parent, i);
        }
      }
    }
    Map<Integer, List<Found>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(found.get(i));
    }
    List<Quote> out = new ArrayList<>();
    for (List<Found> g : groups.values()) {
      Found longest = g.stream().max(Comparator.comparingInt(f -> f.text().length())).orElseThrow();
      Map<Integer, Integer> votes = new HashMap<>();
      for (Found f : g) {
        if (f.speaker() != null) {
          votes.merge(f.speaker(), f.strength(), Integer::sum);
        }
      }
      Integer speaker = votes.entrySet().stream()
          .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .map(Map.Entry::getKey)
          .orElse(null);
      Set<String> variants = new LinkedHashSet<>();
      List<Citation> citations = new ArrayList<>();
      for (Found f : g) {
        if (!f.text().equals(longest.text())) {
          variants.add(f.text());
        }
        if (!citations.contains(f.citation())) {
          citations.add(f.citation());
        }
      }
      out.add(new Quote(
          longest.text(), speaker == null ? null : entities.get(speaker).name(), new ArrayList<>(variants), citations));
    }
    out.sort(Comparator.comparingLong((Quote q) -> -q.outlets())
        .thenComparingInt(q -> q.citations().get(0).document())
        .thenComparingInt(q -> q.citations().get(0).start()));
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
