package dev.precis.facts;

import dev.precis.text.analysis.StopWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The noun phrase a figure counts ("12 people", "three separate London Underground trains", "a 7.0
 * magnitude earthquake"): the vocabulary of people, units and skippable adjectives, and the rule
 * that reads the phrase after a number.
 */
final class CountedNouns {
  private CountedNouns() {}

  static final Set<String> PERSON_NOUNS =
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
}
