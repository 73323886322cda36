package dev.precis.facts;

import dev.precis.model.Citation;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds figures (counts, money, percentages) with what they count, normalises hedged and vague
 * forms into ranges ("more than 80" → (80, ∞), "nearly 20" → [17, 20), "dozens" → [24, 144]), and
 * aligns figures about the same thing across articles: same kind of quantity (deaths, injuries...)
 * about the same event ("attack", "war"). Years, dates, times, ordinals and compound modifiers
 * ("two-hour", "six-year-old") are not figures.
 */
final class NumberExtractor implements FactFinder<List<Figure>> {
  static final String UNITS =
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          + "|sixteen|seventeen|eighteen|nineteen";
  static final String TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
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

  /** The figures of every article of the story, article by article. */
  @Override
  public List<Figure> find(FoundFacts story) {
    List<Figure> out = new ArrayList<>();
    for (Document d : story.docs()) {
      out.addAll(find(d));
    }
    return out;
  }

  /** The figures of one article, in text order. */
  List<Figure> find(Document d) {
    List<Figure> out = new ArrayList<>();
    String text = d.article().text();
    for (Sentence s : d.sentences()) {
      if (!NumberValues.mayHoldFigure(s.text())) {
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
        if (NumberValues.NUMBER_WORDS.contains(w)
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
      range = NumberValues.vagueRange(vague.toLowerCase(Locale.ROOT));
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
      Double v = NumberValues.parseNumber(num);
      if (v == null) {
        return null;
      }
      value = v * NumberValues.scaleOf(scale);
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
          && !CountedNouns.PERSON_NOUNS.contains(nextWord.toLowerCase(Locale.ROOT))) {
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
      range = NumberValues.rangeOf(mod, value);
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
        Double second = NumberValues.parseNumber(tail.group(2));
        if (second != null && second * NumberValues.scaleOf(scale) > range.low()) {
          range = new Range(range.low(), true, second * NumberValues.scaleOf(scale), true, false);
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
      counts = CountedNouns.countedNoun(rest);
      Matcher conj = CONJUNCTION.matcher(rest);
      if (counts.isEmpty() && conj.find()) {
        counts = CountedNouns.countedNoun(rest.substring(conj.end()));
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
    String category = FigureKinds.category(st, start, end, counts, unit, cur);
    if (category.equals("count") && mod.isEmpty() && vague == null && range.low() == range.high()) {
      return null; // a bare number counting nothing said (phone numbers, years, "8'x 6'")
    }
    String topic = FigureKinds.EVENT_COUNTS.contains(category) ? FigureKinds.topic(st, start) : "";
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
}
