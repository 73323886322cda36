package dev.precis.facts;

import dev.precis.facts.DateMention.Granularity;
import dev.precis.text.Document;
import dev.precis.text.Sentence;
import dev.precis.text.TextDates;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds temporal expressions and resolves them to calendar dates against the article's reference
 * date: its publication date, else a date line in its text ("Published: Fri, April 21, 2017").
 * Without either, relative expressions ("on Wednesday", "last week") stay unresolved and a month
 * and day without a year ("April 12") takes the year the story's other articles give.
 */
final class DateExtractor implements FactFinder<List<DateMention>> {
  private static final String MONTHS = TextDates.MONTHS;
  private static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
  private static final Pattern DATES =
      Pattern.compile(
          "(?<md>\\b(?<m1>"
              + MONTHS
              + ")\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(?<y1>(?:19|20)\\d\\d)\\b)?)"
              + "|(?<dm>\\b(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m2>"
              + MONTHS
              + ")\\b(?:,?\\s+(?<y2>(?:19|20)\\d\\d)\\b)?)"
              + "|(?<my>\\b(?:in\\s+)?(?<m3>January|February|March|April|June|July|August|September|October|November|December)(?:\\s+(?<y3>(?:19|20)\\d\\d))?\\b)"
              + "|(?<iso>\\b(?<y4>(?:19|20)\\d\\d)-(?<m4>\\d\\d)-(?<d4>\\d\\d)\\b)"
              + "|(?<wd>\\b(?:(?<wmod>last|next|this|on|past|early|late|since|until|by)\\s+)?(?<w>"
              + WEEKDAYS
              + ")(?:'s)?\\b(?:\\s+(?<wpart>morning|afternoon|evening|night))?)"
              + "|(?<rel>\\b(?:yesterday|today|tomorrow|tonight)\\b)"
              + "|(?<rp>\\b(?:(?:earlier|later)\\s+)?(?<rmod>last|next|this|past)\\s+(?<unit>week|month|year)\\b)"
              + "|(?<yr>\\b(?<ypre>in|since|by|until|from|during|of|the|early|late|mid-)\\s+(?<y5>(?:19|20)\\d\\d)\\b(?![-/]\\d))");
  private static final Pattern PUBLISHED_LINE = TextDates.PUBLISHED_LINE;
  private static final Pattern FUTURE =
      Pattern.compile(
          "(?i)\\b(will|is to|are to|is due|are due|scheduled|expected to|plans? to|is set to|next)\\b");

  private static final Pattern FULL_DATE =
      Pattern.compile(
          "(?:"
              + MONTHS
              + ")\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)\\b|\\b((?:19|20)\\d\\d)-\\d\\d-\\d\\d\\b");
  private static final String[] DATE_WORDS = {
    "day",
    "Day",
    "tonight",
    "tomorrow",
    "week",
    "month",
    "year",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> ANCHORS =
      Set.of(
          "Jan",
          "January",
          "Feb",
          "February",
          "Mar",
          "March",
          "Apr",
          "April",
          "May",
          "Jun",
          "June",
          "Jul",
          "July",
          "Aug",
          "August",
          "Sep",
          "Sept",
          "September",
          "Oct",
          "October",
          "Nov",
          "November",
          "Dec",
          "December",
          "Monday",
          "Tuesday",
          "Wednesday",
          "Thursday",
          "Friday",
          "Saturday",
          "Sunday",
          "yesterday",
          "today",
          "tomorrow",
          "tonight",
          "last",
          "next",
          "this",
          "past",
          "on",
          "early",
          "late",
          "since",
          "until",
          "by",
          "earlier",
          "later",
          "in",
          "from",
          "during",
          "of",
          "the",
          "mid");

  /** The next position at or after {@code from} where a date expression may start, or -1. */
  private static int nextAnchor(String st, int from) {
    int n = st.length();
    for (int i = from; i < n; i++) {
      char c = st.charAt(i);
      boolean wordStart = i == 0 || !Character.isLetterOrDigit(st.charAt(i - 1));
      if (!wordStart) {
        continue;
      }
      if (Character.isDigit(c)) {
        return i;
      }
      if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(st.charAt(j))) {
          j++;
        }
        if (ANCHORS.contains(st.substring(i, j))) {
          return i;
        }
        i = j - 1;
      }
    }
    return -1;
  }

  private static int skipWord(String st, int i) {
    int j = i + 1;
    while (j < st.length() && Character.isLetterOrDigit(st.charAt(j))) {
      j++;
    }
    return j;
  }

  /** A cheap test that spares the full pattern on sentences without digits or date words. */
  private static boolean mayHoldDate(String s) {
    if (hasDigit(s)) {
      return true;
    }
    for (String w : DATE_WORDS) {
      if (s.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** Every date expression in the articles, resolved where possible. */
  @Override
  public List<DateMention> find(FoundFacts story) {
    List<Document> docs = story.docs();
    Map<Integer, LocalDate> refs = new HashMap<>();
    Map<Integer, Integer> publishedLineStarts = new HashMap<>();
    Map<Integer, Integer> years = new HashMap<>();
    for (Document d : docs) {
      LocalDate ref = null;
      if (d.article().published() != null) {
        ref = LocalDate.ofInstant(d.article().published(), ZoneOffset.UTC);
      } else {
        // the date line may have become the title when the article was cleaned
        String title = d.article().title() == null ? "" : d.article().title();
        String head =
            title
                + "\n"
                + d.article().text().substring(0, Math.min(600, d.article().text().length()));
        Matcher m = PUBLISHED_LINE.matcher(head);
        if (m.find()) {
          ref =
              date(
                  Integer.parseInt(m.group("y")),
                  month(m.group("m")),
                  Integer.parseInt(m.group("d")));
          publishedLineStarts.put(d.index(), m.start() - title.length() - 1);
        }
      }
      if (ref != null) {
        refs.put(d.index(), ref);
        years.merge(ref.getYear(), 2, Integer::sum);
      }
    }
    // explicit full dates vote for the story's year
    for (Document d : docs) {
      for (Sentence s : d.sentences()) {
        if (!hasDigit(s.text())) {
          continue;
        }
        Matcher m = FULL_DATE.matcher(s.text());
        while (m.find()) {
          String y = m.group(1) != null ? m.group(1) : m.group(2);
          years.merge(Integer.parseInt(y), 1, Integer::sum);
        }
      }
    }
    Integer storyYear =
        years.entrySet().stream()
            .max(
                Map.Entry.<Integer, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .orElse(null);
    Set<LocalDate> statedDays = new HashSet<>();
    List<List<DateMention>> perDoc = new ArrayList<>();
    for (Document d : docs) {
      LocalDate ref = refs.get(d.index());
      perDoc.add(mentions(d, ref, ref, publishedLineStarts.get(d.index()), storyYear, statedDays));
    }
    for (int i = 0; i < docs.size(); i++) {
      Document d = docs.get(i);
      LocalDate ref = refs.get(d.index());
      LocalDate reported =
          reportedDay(d, ref, publishedLineStarts.containsKey(d.index()), statedDays);
      if (reported != null) {
        perDoc.set(
            i, mentions(d, ref, reported, publishedLineStarts.get(d.index()), storyYear, null));
      }
    }
    List<DateMention> out = new ArrayList<>();
    perDoc.forEach(out::addAll);
    return out;
  }

  /**
   * The day of the happening a late report tells of, when its relative dates must resolve against
   * that day rather than its publication day; else {@code null}. A report published days after the
   * event often dates it by a weekday alone ("met on Wednesday"); when that weekday, counted back
   * from the publication day, is a day no article of the event states, while the articles state the
   * same weekday one or two weeks earlier, the article reports that earlier day.
   */
  private static LocalDate reportedDay(
      Document d, LocalDate ref, boolean refFromDateLine, Set<LocalDate> statedDays) {
    if (ref == null || statedDays.isEmpty() || statedDays.contains(ref)) {
      return null;
    }
    // the same event day the story clusterer computes for this article
    TextDates.EventDay day =
        TextDates.eventDayOf(d.article().title(), d.article().text(), refFromDateLine ? null : ref);
    if (day == null || !day.weekday() || statedDays.contains(day.day())) {
      return null;
    }
    for (int weeks = 1; weeks <= 2; weeks++) {
      LocalDate earlier = day.day().minusWeeks(weeks);
      if (statedDays.contains(earlier)) {
        return earlier;
      }
    }
    return null;
  }

  /**
   * The date expressions of one article: absolute ones resolve against {@code ref}, relative ones
   * (weekdays, "yesterday", "last week") against {@code relativeRef}; month-day dates found are
   * added to {@code statedDays} when it is not {@code null}.
   */
  private List<DateMention> mentions(
      Document d,
      LocalDate ref,
      LocalDate relativeRef,
      Integer pl,
      Integer storyYear,
      Set<LocalDate> statedDays) {
    List<DateMention> out = new ArrayList<>();
    for (Sentence s : d.sentences()) {
      if (!mayHoldDate(s.text())) {
        continue;
      }
      String st = Spaces.normalize(s.text());
      Matcher m = DATES.matcher(st).useTransparentBounds(true).useAnchoringBounds(false);
      for (int at = nextAnchor(st, 0); at >= 0; at = nextAnchor(st, at)) {
        m.region(at, st.length());
        if (!m.lookingAt()) {
          at = skipWord(st, at);
          continue;
        }
        at = Math.max(m.end(), at + 1);
        int abs = s.start() + m.start();
        if (pl != null && abs >= pl && abs < pl + 60) {
          continue; // the date line itself is the reference, not an event
        }
        DateMention dm = resolve(d, s, m, ref, relativeRef, storyYear);
        if (dm == null) {
          continue;
        }
        out.add(dm);
        boolean monthDay = m.group("md") != null || m.group("dm") != null || m.group("iso") != null;
        if (statedDays != null && monthDay && dm.date() != null) {
          statedDays.add(dm.date());
        }
      }
    }
    return out;
  }

  private DateMention resolve(
      Document d, Sentence s, Matcher m, LocalDate ref, LocalDate relativeRef, Integer storyYear) {
    String st = s.text();
    String relativeBasis = relativeRef == ref ? "published" : "event";
    int start = m.start();
    int end = m.end();
    String shown = m.group();
    LocalDate date = null;
    Granularity g = Granularity.DAY;
    String basis = "unresolved";
    if (m.group("md") != null || m.group("dm") != null) {
      String mon = m.group("md") != null ? m.group("m1") : m.group("m2");
      String day = m.group("md") != null ? m.group("d1") : m.group("d2");
      String year = m.group("md") != null ? m.group("y1") : m.group("y2");
      if (mon.equals("May")
          && m.group("md") != null
          && start > 0
          && !Character.isWhitespace(st.charAt(start - 1))) {
        return null;
      }
      int mo = month(mon);
      int dd = Integer.parseInt(day);
      if (year != null) {
        date = date(Integer.parseInt(year), mo, dd);
        basis = "explicit";
      } else if (ref != null) {
        date = date(ref.getYear(), mo, dd);
        if (date != null && date.isAfter(ref.plusMonths(3))) {
          date = date(ref.getYear() - 1, mo, dd);
        }
        basis = "published";
      } else if (storyYear != null) {
        date = date(storyYear, mo, dd);
        basis = "story";
      }
    } else if (m.group("iso") != null) {
      date =
          date(
              Integer.parseInt(m.group("y4")),
              Integer.parseInt(m.group("m4")),
              Integer.parseInt(m.group("d4")));
      basis = "explicit";
    } else if (m.group("my") != null) {
      String mon = m.group("m3");
      g = Granularity.MONTH;
      if (m.group("y3") != null) {
        date = date(Integer.parseInt(m.group("y3")), month(mon), 1);
        basis = "explicit";
      } else if (!shown.startsWith("in ")) {
        return null; // "April" alone, not "in April": too ambiguous (a name, a headline)
      } else if (ref != null) {
        date = date(ref.getYear(), month(mon), 1);
        if (date != null && date.isAfter(ref)) {
          date = date.minusYears(1);
        }
        basis = "published";
      } else if (storyYear != null) {
        date = date(storyYear, month(mon), 1);
        basis = "story";
      }
    } else if (m.group("wd") != null) {
      String mod = m.group("wmod") == null ? "" : m.group("wmod").toLowerCase(Locale.ROOT);
      if (mod.equals("early")
          || mod.equals("late")
          || mod.equals("since")
          || mod.equals("until")
          || mod.equals("by")) {
        // keep the modifier out of the shown text but resolve the day
        start = m.start("w");
        shown = st.substring(start, end);
        mod = "";
      }
      if (relativeRef != null) {
        DayOfWeek dow = DayOfWeek.valueOf(m.group("w").toUpperCase(Locale.ROOT));
        boolean future =
            mod.equals("next")
                || (!mod.equals("last")
                    && !mod.equals("past")
                    && FUTURE.matcher(st).find()
                    && !st.matches("(?s).*\\b(said|says|had|was|were|did)\\b.*"));
        if (future) {
          date = relativeRef.with(TemporalAdjusters.nextOrSame(dow));
        } else if (mod.equals("last") || mod.equals("past")) {
          date = relativeRef.with(TemporalAdjusters.previous(dow));
        } else {
          date = relativeRef.with(TemporalAdjusters.previousOrSame(dow));
        }
        basis = relativeBasis;
      }
    } else if (m.group("rel") != null) {
      String w = shown.toLowerCase(Locale.ROOT);
      if (relativeRef != null) {
        date =
            switch (w) {
              case "yesterday" -> relativeRef.minusDays(1);
              case "tomorrow" -> relativeRef.plusDays(1);
              default -> ref;
            };
        basis = relativeBasis;
      }
    } else if (m.group("rp") != null) {
      String mod = m.group("rmod").toLowerCase(Locale.ROOT);
      String unit = m.group("unit").toLowerCase(Locale.ROOT);
      int delta = mod.equals("last") || mod.equals("past") ? -1 : mod.equals("next") ? 1 : 0;
      if (unit.equals("week")) {
        g = Granularity.WEEK;
        if (relativeRef != null) {
          date =
              relativeRef.plusWeeks(delta).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
      } else if (unit.equals("month")) {
        g = Granularity.MONTH;
        if (relativeRef != null) {
          date = relativeRef.plusMonths(delta).withDayOfMonth(1);
        }
      } else {
        g = Granularity.YEAR;
        if (relativeRef != null) {
          date = relativeRef.plusYears(delta).withDayOfYear(1);
        }
      }
      if (relativeRef != null) {
        basis = relativeBasis;
      }
    } else if (m.group("yr") != null) {
      g = Granularity.YEAR;
      start = m.start("y5");
      shown = m.group("y5");
      String after = st.substring(end);
      if (after.matches("^\\s*(people|persons|civilians|votes|dollars|troops|soldiers)\\b.*")) {
        return null;
      }
      date = LocalDate.of(Integer.parseInt(m.group("y5")), 1, 1);
      basis = "explicit";
    }
    if (date == null) {
      basis = "unresolved";
    }
    int absStart = s.start() + start;
    Mention mention =
        new Mention(
            d.index(),
            absStart,
            absStart + shown.length(),
            d.article().text().substring(absStart, absStart + shown.length()));
    return new DateMention(shown, date, g, basis, mention);
  }

  static int month(String name) {
    return TextDates.month(name);
  }

  private static LocalDate date(int y, int m, int d) {
    try {
      return LocalDate.of(y, m, d);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }
}
