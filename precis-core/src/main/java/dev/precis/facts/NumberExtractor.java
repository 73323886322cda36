package dev.precis.facts;

import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.analysis.Stemmer;
import dev.precis.text.analysis.StopWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds figures (counts, money, percentages) with what they count, normalises hedged and vague
 * forms into ranges ("more than 80" → (80, ∞), "nearly 20" → [17, 20), "dozens" → [24, 144]), and
 * aligns figures about the same thing across articles: same kind of quantity (deaths, injuries...)
 * about the same event ("attack", "war"). Years, dates, times, ordinals and compound modifiers
 * ("two-hour", "six-year-old") are not figures.
 */
final class NumberExtractor {
  private static final String UNITS =
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          + "|sixteen|seventeen|eighteen|nineteen";
  private static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
  private static final String WORD_NUMBER =
      "(?:(?:"
          + TENS
          + ")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
          + UNITS
          + "|a dozen|a hundred|a thousand|half a million|a million|a billion)";
  private static final String MODIFIER =
      "more than|over|at least|nearly|almost|about|around|approximately|roughly|some|up to|fewer than"
          + "|less than|under|as many as|at most|no fewer than|no more than|close to|just over|just under"
          + "|well over|upwards of|in excess of|an estimated|estimated|only|just|a total of|a further"
          + "|another|exactly|below|above|a minimum of|a maximum of|between";
  private static final String VAGUE =
      "tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|several dozen"
          + "|a few dozen|several hundred|a few hundred|several thousand|a few thousand|dozens|scores"
          + "|hundreds|thousands|millions|billions|a handful";
  private static final String SCALE = "hundred|thousand|million|billion|trillion|bn|m|k";

  /** The value of a figure, tried only where one can start (a digit, a currency, a number word). */
  private static final Pattern FIGURE =
      Pattern.compile(
          "(?:(?<vague>\\b(?:"
              + VAGUE
              + ")\\b)"
              + "|(?<cur>US\\$|\\$|€|£|¥)?\\s?(?<num>(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?!\\d|,\\d)|(?<![\\d.,:/])\\d+(?:\\.\\d+)?(?![\\d:/])|\\b"
              + WORD_NUMBER
              + "\\b)"
              + "(?:(?:\\s|-)?(?<scale>(?:"
              + SCALE
              + "))\\b)?"
              + "(?<unit>\\s?(?:%|percent\\b|per cent\\b|percentage points?\\b|dollars\\b|euros\\b|pounds\\b|yen\\b|yuan\\b|rupees\\b|roubles\\b|rubles\\b))?)",
          Pattern.CASE_INSENSITIVE);

  /** A hedge right before the value: "more than", "nearly", "at least". */
  private static final Pattern MODIFIER_BEFORE = Pattern.compile("(?i)\\b(" + MODIFIER + ")\\s+$");

  private static final Pattern MONTH =
      Pattern.compile("(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?$");
  private static final Set<String> PERSON_NOUNS =
      Set.of(
          "people",
          "persons",
          "person",
          "civilians",
          "civilian",
          "children",
          "child",
          "soldiers",
          "soldier",
          "residents",
          "men",
          "women",
          "troops",
          "fighters",
          "militants",
          "protesters",
          "protestors",
          "migrants",
          "refugees",
          "passengers",
          "victims",
          "workers",
          "students",
          "police",
          "policemen",
          "officers",
          "rebels",
          "prisoners",
          "miners",
          "patients",
          "infants",
          "babies",
          "adults",
          "citizens",
          "inhabitants",
          "villagers",
          "demonstrators",
          "pilgrims",
          "tourists",
          "crew",
          "members",
          "staff",
          "employees",
          "individuals",
          "others",
          "americans",
          "insurgents",
          "guards",
          "sailors",
          "marines",
          "journalists",
          "hostages",
          "survivors",
          "inmates",
          "peacekeepers",
          "member",
          "nationals",
          "protester",
          "girls",
          "boys",
          "girl",
          "boy",
          "personnel",
          "bombers",
          "attackers",
          "gunmen",
          "suspects",
          "teachers",
          "doctors",
          "nurses",
          "firefighters",
          "volunteers",
          "athletes",
          "fans",
          "spectators",
          "voters",
          "delegates",
          "officials",
          "diplomats",
          "foreigners",
          "detainees",
          "evacuees");
  private static final Map<String, String> CUES = new LinkedHashMap<>();

  static {
    for (String w :
        List.of(
            "killed",
            "dead",
            "died",
            "deaths",
            "death",
            "fatalities",
            "lives",
            "bodies",
            "murdered",
            "slain",
            "massacred",
            "perished",
            "executed",
            "toll")) {
      CUES.put(w, "deaths");
    }
    for (String w : List.of("injured", "wounded", "hurt", "injuries", "injuring", "wounding")) {
      CUES.put(w, "injuries");
    }
    for (String w : List.of("missing", "unaccounted")) {
      CUES.put(w, "missing");
    }
    CUES.put("casualties", "casualties");
    for (String w : List.of("arrested", "detained", "arrests", "detentions")) {
      CUES.put(w, "arrests");
    }
    for (String w :
        List.of(
            "evacuated", "displaced", "homeless", "uprooted", "homes", "refugees", "evacuees")) {
      CUES.put(w, "displaced");
    }
    for (String w : List.of("votes", "voted", "ballots", "vote")) {
      CUES.put(w, "votes");
    }
  }

  private static final Map<String, String> EVENTS = new LinkedHashMap<>();

  static {
    for (String w :
        List.of(
            "attack",
            "attacks",
            "strike",
            "strikes",
            "airstrike",
            "airstrikes",
            "bombing",
            "bombings",
            "gas",
            "raid",
            "raids",
            "shelling",
            "explosion",
            "explosions",
            "blast",
            "bomb",
            "shooting",
            "massacre",
            "assault",
            "ambush")) {
      EVENTS.put(w, "attack");
    }
    for (String w : List.of("war", "conflict", "fighting", "insurgency", "uprising")) {
      EVENTS.put(w, "war");
    }
    for (String w :
        List.of(
            "earthquake",
            "quake",
            "tremors",
            "tremor",
            "aftershock",
            "tsunami",
            "flood",
            "floods",
            "flooding",
            "storm",
            "hurricane",
            "typhoon",
            "cyclone",
            "fire",
            "wildfire",
            "landslide",
            "eruption")) {
      EVENTS.put(w, "disaster");
    }
    for (String w : List.of("crash", "accident", "collision", "derailment", "sinking")) {
      EVENTS.put(w, "accident");
    }
    for (String w :
        List.of("epidemic", "outbreak", "pandemic", "virus", "flu", "disease", "cholera")) {
      EVENTS.put(w, "outbreak");
    }
    for (String w : List.of("election", "referendum", "poll", "vote")) {
      EVENTS.put(w, "election");
    }
  }

  /** Kinds of quantity where two non-overlapping figures are a disagreement between sources. */
  static final Set<String> EVENT_COUNTS =
      Set.of("deaths", "injuries", "missing", "arrests", "displaced", "casualties");

  List<Figure> find(Document d) {
    List<Figure> out = new ArrayList<>();
    String text = d.article().text();
    for (Sentence s : d.sentences()) {
      if (!mayHoldFigure(s.text())) {
        continue;
      }
      String st = Spaces.normalize(s.text());
      Matcher m = FIGURE.matcher(st).useTransparentBounds(true).useAnchoringBounds(false);
      int i = 0;
      int n = st.length();
      while (i < n) {
        int anchor = nextAnchor(st, i);
        if (anchor < 0) {
          break;
        }
        m.region(anchor, n);
        if (!m.lookingAt()) {
          i = skipWord(st, anchor);
          continue;
        }
        String before = st.substring(Math.max(0, anchor - 28), anchor);
        Matcher mod = MODIFIER_BEFORE.matcher(before);
        String modifier = "";
        int start = anchor;
        if (mod.find()) {
          modifier = mod.group(1).toLowerCase(Locale.ROOT);
          start = anchor - (before.length() - mod.start(1));
        }
        Figure f = figure(d, s, st, text, m, modifier, start);
        i = Math.max(m.end(), anchor + 1);
        if (f != null) {
          out.add(f);
          i = Math.max(i, f.mention().end() - s.start());
        }
      }
    }
    return out;
  }

  /** Where the next figure may start at or after {@code from}, or -1. */
  private static int nextAnchor(String st, int from) {
    int n = st.length();
    for (int i = from; i < n; i++) {
      char c = st.charAt(i);
      char prev = i > 0 ? st.charAt(i - 1) : ' ';
      if (Character.isDigit(c)) {
        if (!Character.isLetterOrDigit(prev) && prev != '.' && prev != ',') {
          return i;
        }
      } else if (c == '$' || c == '€' || c == '£' || c == '¥') {
        return i;
      } else if (Character.isLetter(c)
          && !Character.isLetter(prev)
          && prev != '\''
          && prev != '’') {
        if (c == 'U' && st.startsWith("US$", i)) {
          return i;
        }
        int j = i;
        while (j < n && Character.isLetter(st.charAt(j))) {
          j++;
        }
        String w = st.substring(i, j).toLowerCase(Locale.ROOT);
        if (NUMBER_WORDS.contains(w)
            || w.equals("tens")
            || w.equals("several")
            || w.equals("half")
            || ((w.equals("a") || w.equals("few")) && j + 1 < n && startsNumberWord(st, j + 1))) {
          return i;
        }
        i = j - 1;
      }
    }
    return -1;
  }

  private static boolean startsNumberWord(String st, int at) {
    for (String w :
        List.of("dozen", "hundred", "thousand", "million", "billion", "handful", "few")) {
      if (st.regionMatches(true, at, w, 0, w.length())) {
        return true;
      }
    }
    return false;
  }

  private static int skipWord(String st, int i) {
    int j = i + 1;
    while (j < st.length() && Character.isLetterOrDigit(st.charAt(j))) {
      j++;
    }
    return j;
  }

  private Figure figure(
      Document d, Sentence s, String st, String text, Matcher m, String mod, int modStart) {
    String vague = m.group("vague");
    String num = m.group("num");
    String scale = m.group("scale") == null ? "" : m.group("scale").toLowerCase(Locale.ROOT);
    String unit = m.group("unit") == null ? "" : m.group("unit").trim().toLowerCase(Locale.ROOT);
    String cur = m.group("cur") == null ? "" : m.group("cur");
    int start = modStart;
    int end = m.end();
    int valueStart =
        vague != null ? m.start("vague") : (cur.isEmpty() ? m.start("num") : m.start("cur"));
    String before = st.substring(Math.max(0, valueStart - 12), valueStart);
    String afterText = st.substring(end);
    if (scale.equals("m") || scale.equals("k") || scale.equals("bn")) {
      if (cur.isEmpty() && num != null && !num.matches("\\d.*")) {
        return null;
      }
    }
    if (scale.equals("m") && afterText.matches("^[a-z].*")) {
      return null;
    }
    double value;
    Range range;
    if (vague != null) {
      if (!mod.isEmpty()
          && !mod.equals("some")
          && !mod.equals("more than")
          && !mod.equals("over")) {
        // "about dozens" is odd; keep the modifier out
      }
      range = vagueRange(vague.toLowerCase(Locale.ROOT));
      if (range == null) {
        return null;
      }
      if (vague.equalsIgnoreCase("a handful") && !afterText.startsWith(" of")) {
        return null;
      }
    } else {
      if (num == null) {
        return null;
      }
      // compound modifiers and glued forms: "two-hour", "six-year-old", "16x9", "G7", "1st"
      Matcher glued = GLUED_UNIT.matcher(st.substring(end));
      if (end < st.length()
          && Character.isLetter(st.charAt(end))
          && scale.isEmpty()
          && unit.isEmpty()
          && glued.find()) {
        end += glued.end(); // "300km": a number with its unit attached
      } else if (end < st.length()
          && (st.charAt(end) == '-' || Character.isLetter(st.charAt(end)))
          && scale.isEmpty()
          && unit.isEmpty()) {
        return null;
      }
      if (end + 1 < st.length() && st.charAt(end) == '-') {
        return null;
      }
      if (valueStart > 0
          && (Character.isLetter(st.charAt(valueStart - 1)) || st.charAt(valueStart - 1) == '-')) {
        return null;
      }
      Double v = parseNumber(num);
      if (v == null) {
        return null;
      }
      value = v * scaleOf(scale);
      String lowerNum = num.toLowerCase(Locale.ROOT);
      if (lowerNum.equals("one") && mod.isEmpty() && scale.isEmpty()) {
        return null; // "one day after", "one of the": not a count worth listing
      }
      boolean digits = Character.isDigit(num.charAt(0));
      // dates and times
      String prevWord = lastWord(st.substring(0, valueStart));
      String nextWord = firstWord(afterText);
      if (digits
          && (MONTH.matcher(prevWord).matches()
              || MONTH.matcher(nextWord).matches()
              || (nextWord.equals("of")
                  && MONTH
                      .matcher(firstWord(afterText.substring(afterText.indexOf("of") + 2)))
                      .matches()))) {
        return null;
      }
      if (nextWord.matches("(?i)a\\.?m\\.?|p\\.?m\\.?|gmt|utc|bst|cet|et|hours?gmt")) {
        return null;
      }
      // years: a bare four-digit number between 1800 and 2100 not counting anything
      if (digits
          && num.matches("\\d{4}")
          && value >= 1800
          && value <= 2100
          && cur.isEmpty()
          && unit.isEmpty()
          && scale.isEmpty()
          && !PERSON_NOUNS.contains(nextWord.toLowerCase(Locale.ROOT))) {
        return null;
      }
      if (afterText.matches("(?i)^\\s*-?years?[- ]old\\b.*")) {
        return null; // ages ("26 year-old") describe a person, they count nothing
      }
      String prevRaw = st.substring(0, valueStart).stripTrailing();
      if (digits
          && mod.isEmpty()
          && cur.isEmpty()
          && prevRaw.length() == valueStart - 1
          && !prevRaw.isEmpty()
          && Character.isLetter(prevRaw.charAt(prevRaw.length() - 1))
          && !prevWord.isEmpty()
          && Character.isUpperCase(prevWord.charAt(0))
          && !Lexicon.get().isFunctionWord(prevWord)
          && !MONTH.matcher(prevWord).matches()) {
        return null; // "Flight 447", "Terminal 2", "Resolution 1723": a name, not a count
      }
      if (digits
          && mod.isEmpty()
          && prevRaw.endsWith(",")
          && afterText.startsWith(",")
          && value < 120) {
        String name = prevRaw.substring(0, prevRaw.length() - 1).strip();
        int sp = name.lastIndexOf(' ');
        String lastName = sp < 0 ? name : name.substring(sp + 1);
        if (!lastName.isEmpty() && Character.isUpperCase(lastName.charAt(0))) {
          return null; // "Xiao Tan, 32, of Chinese origin": an age
        }
      }
      if (prevWord.matches(
          "(?i)no\\.?|number|page|room|flight|route|article|section|chapter|episode|level|grade|category|phase|resolution|version|hurricane")) {
        return null;
      }
      if (before.matches(".*[#№]\\s?$")) {
        return null;
      }
      boolean hedged = !mod.isEmpty();
      range = rangeOf(mod, value);
      if (!hedged) {
        range = Range.exactly(value);
      }
    }
    // "seven to eight", "between six and 12", "5 1/2"
    String afterText2 = st.substring(end);
    if (vague == null && num != null) {
      Matcher frac = FRACTION.matcher(afterText2);
      Matcher tail = RANGE_TAIL.matcher(afterText2);
      if (frac.find()) {
        double add =
            frac.group(1).equals("1/2") || frac.group(1).equals("and a half")
                ? 0.5
                : frac.group(1).equals("1/4") ? 0.25 : 0.75;
        range = Range.exactly(range.low() + add);
        end += frac.end();
      } else if (tail.find() && (!tail.group(1).equalsIgnoreCase("and") || mod.equals("between"))) {
        Double second = parseNumber(tail.group(2));
        if (second != null && second * scaleOf(scale) > range.low()) {
          range = new Range(range.low(), true, second * scaleOf(scale), true, false);
          end += tail.end();
        }
      }
    }
    afterText = st.substring(end);
    // what it counts
    String rest = afterText;
    if (rest.matches("^\\s+of\\s.*") && (vague != null || !scale.isEmpty())) {
      rest = rest.replaceFirst("^\\s+of", "");
    }
    String counts;
    if (!cur.isEmpty() || unit.matches("dollars|euros|pounds|yen|yuan|rupees|roubles|rubles")) {
      counts = unit.isEmpty() ? currencyName(cur) : unit;
    } else if (!unit.isEmpty()) {
      counts = "percent";
    } else if (MAGNITUDE_BEFORE.matcher(st.substring(0, valueStart)).find()
        || MAGNITUDE_AFTER.matcher(rest).find()) {
      counts = "magnitude";
    } else if (GLUED_UNIT.matcher(st.substring(start, end).replaceAll("^.*\\d", "")).find()) {
      counts = st.substring(start, end).replaceAll("^.*\\d", "");
    } else if (rest.matches("(?i)^\\s+(?:on board|aboard)\\b.*")) {
      counts = "people on board";
    } else {
      counts = countedNoun(rest);
      Matcher conj = CONJUNCTION.matcher(rest);
      if (counts.isEmpty() && conj.find()) {
        counts = countedNoun(rest.substring(conj.end()));
      }
    }
    // "20 centimeters or less", "5.0 or higher"
    Matcher post = POST_MODIFIER.matcher(rest);
    if (post.find() && range.low() == range.high()) {
      String w = post.group(1).toLowerCase(Locale.ROOT);
      range =
          w.matches("less|fewer|lower|below")
              ? new Range(0, true, range.high(), true, false)
              : new Range(range.low(), true, Double.POSITIVE_INFINITY, false, false);
    }
    String category = category(st, start, end, counts, unit, cur);
    if (category.equals("count") && mod.isEmpty() && vague == null && range.low() == range.high()) {
      return null; // a bare number counting nothing said (phone numbers, years, "8'x 6'")
    }
    String topic = EVENT_COUNTS.contains(category) ? topic(st, start) : "";
    String shown = st.substring(start, end).strip();
    int absStart =
        s.start()
            + start
            + (st.substring(start, end).length()
                - st.substring(start, end).stripLeading().length());
    Mention mention =
        new Mention(
            d.index(),
            absStart,
            absStart + shown.length(),
            text.substring(absStart, absStart + shown.length()));
    return new Figure(
        shown,
        range,
        counts,
        category,
        topic,
        mention,
        new Citation(d.index(), s.start(), s.end()));
  }

  private static final Pattern GLUED_UNIT =
      Pattern.compile("^(km|kg|cm|mm|mi|mph|ft|kph|kw|mw)\\b");
  private static final Pattern FRACTION =
      Pattern.compile("^\\s+(1/2|1/4|3/4|and a half)(?![\\d/])");
  private static final Pattern RANGE_TAIL =
      Pattern.compile(
          "^\\s*(to|and|-|–)\\s*(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|" + WORD_NUMBER + ")\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MAGNITUDE_BEFORE = Pattern.compile("(?i)magnitude(?:\\s+of)?\\s*$");
  private static final Pattern MAGNITUDE_AFTER =
      Pattern.compile("(?i)^\\s*(?:on the (?:\\w+ )?(?:magnitude|richter) scale|magnitude\\b)");
  private static final Pattern CONJUNCTION =
      Pattern.compile("(?i)^\\s*(?:and|or|to)\\s+[\\d.,]+(?=\\s)");
  private static final Pattern POST_MODIFIER =
      Pattern.compile(
          "(?i)^(?:\\s+[\\p{L}-]+){0,2}?\\s+or\\s+(more|greater|higher|above|less|fewer|lower|below)\\b");

  private static String currencyName(String cur) {
    return switch (cur) {
      case "€" -> "euros";
      case "£" -> "pounds";
      case "¥" -> "yen";
      default -> "dollars";
    };
  }

  private static final Set<String> NUMBER_WORDS = new java.util.HashSet<>();

  static {
    NUMBER_WORDS.addAll(List.of(UNITS.split("\\|")));
    NUMBER_WORDS.addAll(List.of(TENS.split("\\|")));
    NUMBER_WORDS.addAll(
        List.of(
            "dozen",
            "dozens",
            "hundred",
            "hundreds",
            "thousand",
            "thousands",
            "million",
            "millions",
            "billion",
            "billions",
            "scores",
            "handful"));
  }

  /** A cheap test that spares the full pattern on sentences without digits or number words. */
  static boolean mayHoldFigure(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isDigit(c)) {
        return true;
      }
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(s.charAt(j))) {
          j++;
        }
        if (j - i >= 3
            && j - i <= 9
            && NUMBER_WORDS.contains(s.substring(i, j).toLowerCase(Locale.ROOT))) {
          return true;
        }
        i = j;
      } else {
        i++;
      }
    }
    return false;
  }

  static Range vagueRange(String vague) {
    return switch (vague) {
      case "dozens", "several dozen" -> new Range(24, true, 144, true, true);
      case "a few dozen" -> new Range(24, true, 72, true, true);
      case "scores" -> new Range(40, true, 200, true, true);
      case "hundreds", "several hundred" -> new Range(200, true, 2000, true, true);
      case "a few hundred" -> new Range(200, true, 600, true, true);
      case "thousands", "several thousand" -> new Range(2000, true, 20000, true, true);
      case "a few thousand" -> new Range(2000, true, 6000, true, true);
      case "tens of thousands" -> new Range(20000, true, 200000, true, true);
      case "hundreds of thousands" -> new Range(200000, true, 2000000, true, true);
      case "millions" -> new Range(2e6, true, 2e7, true, true);
      case "tens of millions" -> new Range(2e7, true, 2e8, true, true);
      case "hundreds of millions" -> new Range(2e8, true, 2e9, true, true);
      case "billions" -> new Range(2e9, true, 2e10, true, true);
      case "a handful" -> new Range(2, true, 9, true, true);
      default -> null;
    };
  }

  /** The range a hedged figure allows: "nearly 20" → [17, 20), "at least 87" → [87, ∞). */
  static Range rangeOf(String modifier, double v) {
    double inf = Double.POSITIVE_INFINITY;
    return switch (modifier) {
      case "more than", "over", "just over", "well over", "upwards of", "in excess of", "above" ->
          new Range(v, false, inf, false, false);
      case "at least", "no fewer than", "a minimum of" -> new Range(v, true, inf, false, false);
      case "nearly", "almost", "close to", "just under" ->
          new Range(Math.floor(v * 0.85), true, v, false, true);
      case "about", "around", "approximately", "roughly", "some", "an estimated", "estimated" ->
          new Range(Math.floor(v * 0.9 + 1e-9), true, Math.ceil(v * 1.1 - 1e-9), true, true);
      case "up to", "as many as", "at most", "no more than", "a maximum of" ->
          new Range(0, true, v, true, false);
      case "fewer than", "less than", "under", "below" -> new Range(0, true, v, false, false);
      default -> Range.exactly(v);
    };
  }

  static Double parseNumber(String num) {
    String n = num.toLowerCase(Locale.ROOT).trim();
    if (Character.isDigit(n.charAt(0))) {
      try {
        return Double.parseDouble(n.replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    switch (n) {
      case "a dozen":
        return 12.0;
      case "a hundred":
        return 100.0;
      case "a thousand":
        return 1000.0;
      case "half a million":
        return 500000.0;
      case "a million":
        return 1e6;
      case "a billion":
        return 1e9;
      default:
        break;
    }
    String[] parts = n.split("[- ]");
    double total = 0;
    for (String p : parts) {
      int v = wordValue(p);
      if (v < 0) {
        return null;
      }
      total += v;
    }
    return total;
  }

  private static int wordValue(String w) {
    List<String> units = List.of(UNITS.split("\\|"));
    int i = units.indexOf(w);
    if (i >= 0) {
      return i + 1;
    }
    List<String> tens = List.of(TENS.split("\\|"));
    int t = tens.indexOf(w);
    return t >= 0 ? (t + 2) * 10 : -1;
  }

  private static double scaleOf(String scale) {
    return switch (scale) {
      case "hundred" -> 100;
      case "thousand", "k" -> 1e3;
      case "million", "m" -> 1e6;
      case "billion", "bn" -> 1e9;
      case "trillion" -> 1e12;
      default -> 1;
    };
  }

  private static String lastWord(String s) {
    String[] w = s.trim().split("\\s+");
    return w.length == 0 ? "" : w[w.length - 1].replaceAll("[^\\p{L}.]", "");
  }

  private static String firstWord(String s) {
    String t = s.trim();
    int i = 0;
    while (i < t.length() && (Character.isLetter(t.charAt(i)) || t.charAt(i) == '.')) {
      i++;
    }
    return t.substring(0, i);
  }

  /** Measure units: a figure's counted noun ends at one ("7.0 magnitude earthquake"). */
  private static final Set<String> UNIT_NOUNS =
      Set.of(
          "magnitude",
          "percent",
          "km",
          "kilometers",
          "kilometres",
          "kilometer",
          "kilometre",
          "miles",
          "mile",
          "mi",
          "meters",
          "metres",
          "meter",
          "metre",
          "feet",
          "foot",
          "ft",
          "inches",
          "inch",
          "centimeters",
          "centimetres",
          "cm",
          "millimeters",
          "millimetres",
          "mm",
          "tons",
          "tonnes",
          "kg",
          "kilograms",
          "hours",
          "hour",
          "minutes",
          "seconds",
          "days",
          "weeks",
          "months",
          "years",
          "decades",
          "centuries",
          "acres",
          "hectares",
          "degrees",
          "points",
          "gigaton",
          "megaton",
          "megawatts",
          "knots",
          "mph");

  private static final Set<String> SKIP_ADJECTIVES =
      Set.of(
          "other",
          "more",
          "additional",
          "further",
          "new",
          "extra",
          "confirmed",
          "reported",
          "known");
  private static final Pattern NP =
      Pattern.compile("^[\\s]*([\\p{L}][\\p{L}'’\\-]*(?:\\s+[\\p{L}][\\p{L}'’\\-]*)*)");

  /**
   * The noun phrase a figure counts: "80 people", "dozens of cruise missiles" → "cruise missiles",
   * "15 British sailors" → "sailors" (capitalised modifiers skipped), "7.0 magnitude earthquake" →
   * "magnitude" (a unit ends the phrase).
   */
  static String countedNoun(String after) {
    Matcher m = NP.matcher(after);
    if (!m.find()) {
      return "";
    }
    String[] words = m.group(1).split("\\s+");
    List<String> out = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < words.length && i < 8; i++) {
      String w = words[i];
      String lw = w.toLowerCase(Locale.ROOT);
      if (out.isEmpty()
          && Character.isUpperCase(w.charAt(0))
          && skipped < 4
          && i + 1 < words.length) {
        skipped++; // "British", "UK Royal Navy": modifiers of the counted noun
        continue;
      }
      if (out.isEmpty() && SKIP_ADJECTIVES.contains(lw)) {
        continue;
      }
      if (lw.equals("and") && !out.isEmpty() && !isPluralNoun(out.get(out.size() - 1))) {
        out.add(lw); // "search and rescue teams"
        continue;
      }
      if (Character.isUpperCase(w.charAt(0))
          && !out.isEmpty()
          && skipped < 4
          && i + 1 < words.length
          && !isPluralNoun(out.get(out.size() - 1))) {
        skipped++; // "three separate London Underground trains"
        continue;
      }
      if (StopWords.COUNTED_NOUN_ENDS.contains(lw) || Character.isUpperCase(w.charAt(0))) {
        break;
      }
      if (!out.isEmpty() && lw.endsWith("ed")) {
        break; // "one computer switched": the verb after the noun
      }
      if (out.isEmpty()
          && lw.endsWith("ed")
          && !PERSON_NOUNS.contains(lw)
          && !(i + 1 < words.length
              && (isPluralNoun(words[i + 1].toLowerCase(Locale.ROOT))
                  || PERSON_NOUNS.contains(words[i + 1].toLowerCase(Locale.ROOT))))) {
        break; // "the two seized by Iran": a verb, the noun is left out ("orphaned children" is
        // kept)
      }
      if (lw.endsWith("'s") || lw.endsWith("’s")) {
        lw = lw.substring(0, lw.length() - 2);
        out.add(lw);
        break; // "the fifteen crew's capture"
      }
      out.add(lw);
      if (UNIT_NOUNS.contains(lw)
          || isPluralNoun(lw)
          || PERSON_NOUNS.contains(lw)
          || out.size() >= 4) {
        break;
      }
    }
    while (!out.isEmpty() && out.get(out.size() - 1).equals("and")) {
      out.remove(out.size() - 1);
    }
    return String.join(" ", out);
  }

  private static boolean isPluralNoun(String w) {
    return w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("ous");
  }

  private static String category(
      String st, int start, int end, String counts, String unit, String cur) {
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
    boolean personLike = head.isEmpty() || PERSON_NOUNS.contains(head);
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
  private static String topic(String st, int at) {
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

  private static final Set<String> TOTAL_NOUNS =
      Set.of(
          "",
          "people",
          "persons",
          "person",
          "civilians",
          "deaths",
          "death",
          "dead",
          "bodies",
          "victims",
          "lives",
          "fatalities",
          "casualties",
          "injured",
          "wounded",
          "missing",
          "refugees",
          "displaced");

  /** A figure that counts everyone affected (people, civilians, deaths), not one group of them. */
  private static boolean isTotal(Figure f) {
    String c = f.counts();
    return TOTAL_NOUNS.contains(c.substring(c.lastIndexOf(' ') + 1));
  }

  /** Groups figures by kind and topic; flags groups whose ranges cannot all be true. */
  static List<FigureGroup> align(List<Figure> figures) {
    Map<String, List<Figure>> groups = new LinkedHashMap<>();
    for (Figure f : figures) {
      if (f.category().isEmpty()) {
        continue;
      }
      groups.computeIfAbsent(f.category() + "|" + f.topic(), k -> new ArrayList<>()).add(f);
    }
    List<FigureGroup> out = new ArrayList<>();
    for (List<Figure> g : groups.values()) {
      Figure first = g.get(0);
      Set<String> conflicts = new LinkedHashSet<>();
      if (EVENT_COUNTS.contains(first.category())) {
        for (int i = 0; i < g.size(); i++) {
          for (int j = i + 1; j < g.size(); j++) {
            Figure a = g.get(i);
            Figure b = g.get(j);
            if (!isTotal(a) || !isTotal(b)) {
              continue; // "four soldiers" among thousands dead is a part, not a rival count
            }
            if (!a.range().overlaps(b.range())) {
              conflicts.add(a.text() + " " + a.range() + " vs " + b.text() + " " + b.range());
            }
          }
        }
      }
      out.add(
          new FigureGroup(
              first.category(),
              first.topic(),
              g,
              !conflicts.isEmpty(),
              new ArrayList<>(conflicts)));
    }
    out.sort(
        Comparator.comparing((FigureGroup g) -> !g.disagreement())
            .thenComparing(g -> !EVENT_COUNTS.contains(g.category()))
            .thenComparingLong(
                g ->
                    -g.figures().stream().mapToInt(f -> f.citation().document()).distinct().count())
            .thenComparingInt(g -> -g.figures().size()));
    return out;
  }
}
