package dev.precis.facts;

import dev.precis.text.analysis.Stemmer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What kind of quantity a figure is (deaths, injuries, arrests, votes...) and which event it is
 * about (attack, war, disaster...), from cue words around it in its clause.
 */
final class FigureKinds {
  private FigureKinds() {}

  /** Word → kind of quantity it cues ("killed" → deaths), from {@code figure-cues.txt}. */
  private static final Map<String, String> CUES = cues("counts");

  /** Word → kind of event it names ("bombing" → attack), from {@code figure-cues.txt}. */
  private static final Map<String, String> EVENTS = cues("events");

  /** The "kind: words" lines of one section of {@code figure-cues.txt}, as word → kind. */
  private static Map<String, String> cues(String section) {
    Map<String, String> out = new HashMap<>();
    boolean in = false;
    for (String line : Lexicon.lines("figure-cues.txt")) {
      if (line.startsWith("[")) {
        in = line.equals("[" + section + "]");
      } else if (in) {
        int colon = line.indexOf(':');
        for (String w : line.substring(colon + 1).strip().split("\\s+")) {
          out.put(w, line.substring(0, colon).strip());
        }
      }
    }
    return Map.copyOf(out);
  }

  /** Kinds of quantity where two non-overlapping figures are a disagreement between sources. */
  static final Set<String> EVENT_COUNTS =
      Set.of("deaths", "injuries", "missing", "arrests", "displaced", "casualties");

  static String category(String st, int start, int end, String counts, String unit, String cur) {
    if (unit.startsWith("%")
        || unit.startsWith("percent")
        || unit.startsWith("per cent")
        || unit.startsWith("percentage")) {
      return "percent";
    }
    if (!cur.isEmpty() || unit.matches("dollars|euros|pounds|yen|yuan|rupees|roubles|rubles")) {
      return "money";
    }
    if (counts.equals("people on board")) {
      return "people";
    }
    String head = counts.isEmpty() ? "" : counts.substring(counts.lastIndexOf(' ') + 1);
    boolean personLike = head.isEmpty() || CountedNouns.PERSON_NOUNS.contains(head);
    if (CUES.containsKey(head)) {
      return CUES.get(head);
    }
    if (personLike) {
      // a cue in the clause around the figure: "killed more than 80 people", "left 20 civilians
      // dead"
      String cue = nearestCue(st, start, end);
      if (cue != null) {
        return cue;
      }
      return head.isEmpty() ? "count" : "people";
    }
    if (head.matches("dollars?|euros?|pounds?|yuan|yen|rupees?|roubles?|rubles?")) {
      return "money";
    }
    return Stemmer.SINGULAR.stem(head);
  }

  private static String nearestCue(String st, int start, int end) {
    String[] beforeWords =
        clause(st.substring(0, start), true).toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    String[] afterWords =
        clause(st.substring(end), false).toLowerCase(Locale.ROOT).strip().split("[^\\p{L}]+");
    String best = null;
    int bestDist = 99;
    for (int i = 0; i < afterWords.length && i < 12; i++) {
      if (CUES.containsKey(afterWords[i]) && i < bestDist) {
        best = CUES.get(afterWords[i]);
        bestDist = i;
        break;
      }
    }
    for (int i = beforeWords.length - 1, dist = 0; i >= 0 && dist < 4; i--, dist++) {
      if (CUES.containsKey(beforeWords[i]) && dist < bestDist) {
        best = CUES.get(beforeWords[i]);
        break;
      }
    }
    return best;
  }

  /** The part of the sentence on one side of a figure up to a clause break (";" or a dash). */
  private static String clause(String s, boolean before) {
    if (before) {
      int cut = Math.max(s.lastIndexOf(';'), Math.max(s.lastIndexOf(" -- "), s.lastIndexOf(" — ")));
      cut = Math.max(cut, Math.max(s.lastIndexOf(", but"), s.lastIndexOf(" and ")));
      return cut >= 0 ? s.substring(cut + 1) : s;
    }
    int cut = s.length();
    for (String b : List.of(";", " -- ", " — ", ", but", ", and")) {
      int i = s.indexOf(b);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    return s.substring(0, cut);
  }

  /** The event nearest the figure in its sentence ("attack", "war"), or "". */
  static String topic(String st, int at) {
    String[] words = st.toLowerCase(Locale.ROOT).split("(?<=[^\\p{L}])|(?=[^\\p{L}])");
    int pos = 0;
    String best = "";
    int bestDist = Integer.MAX_VALUE;
    for (String w : words) {
      if (EVENTS.containsKey(w)) {
        int dist = Math.abs(pos - at);
        if (dist < bestDist) {
          bestDist = dist;
          best = EVENTS.get(w);
        }
      }
      pos += w.length();
    }
    return best;
  }
}
