package dev.precis.story;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The kind of happening an article reports, read from the happening words of its title and lead: a
 * phone call, a meeting or visit, an attack, a vote, a disaster, a court case. Two reports of the
 * same people can still be two events: a phone call in January is not the meeting in April.
 */
enum HappeningKind {
  NONE,
  CALL,
  MEETING,
  ATTACK,
  VOTE,
  DISASTER,
  COURT;

  /** Characters of the text read after the title. */
  static final int LEAD_CHARS = 400;

  private static final Map<String, HappeningKind> WORDS = new HashMap<>();

  static {
    words(CALL, "phone", "phoned", "telephone", "call", "calls", "called");
    words(
        MEETING, "meet", "meets", "met", "meeting", "talks", "summit", "visit", "visits", "flies");
    words(MEETING, "flew", "trip", "sit-down", "hosts", "hosted");
    words(ATTACK, "attack", "attacks", "attacked", "bombing", "shooting", "shot", "explosion");
    words(ATTACK, "blast", "stabbing", "airstrike", "airstrikes", "gunman", "gunmen");
    words(VOTE, "vote", "votes", "voted", "election", "elected", "referendum", "ballot");
    words(DISASTER, "earthquake", "flood", "floods", "wildfire", "hurricane", "storm", "crash");
    words(DISASTER, "tornado", "derailed", "collapse", "collapsed");
    words(COURT, "trial", "sentenced", "verdict", "convicted", "acquitted", "indicted", "jury");
  }

  private static void words(HappeningKind k, String... ws) {
    for (String w : ws) {
      WORDS.put(w, k);
    }
  }

  /**
   * The kind most named in the title (words counting twice) and the lead; {@link #NONE} when no
   * happening word appears or two kinds tie.
   */
  static HappeningKind of(String title, String text) {
    int[] votes = new int[values().length];
    if (title != null) {
      count(title, 2, votes);
    }
    count(text.length() > LEAD_CHARS ? text.substring(0, LEAD_CHARS) : text, 1, votes);
    HappeningKind best = NONE;
    int top = 0;
    boolean tie = false;
    for (HappeningKind k : values()) {
      if (votes[k.ordinal()] > top) {
        best = k;
        top = votes[k.ordinal()];
        tie = false;
      } else if (top > 0 && votes[k.ordinal()] == top) {
        tie = true;
      }
    }
    return tie ? NONE : best;
  }

  private static void count(String s, int weight, int[] votes) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && !Character.isLetter(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '-')) {
        i++;
      }
      if (i > start) {
        HappeningKind k = WORDS.get(s.substring(start, i).toLowerCase(Locale.ROOT));
        if (k != null) {
          votes[k.ordinal()] += weight;
        }
      }
    }
  }
}
