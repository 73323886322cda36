package dev.precis.story;

/**
 * How much time apart weakens the similarity of an article and an event: none within {@code grace}
 * of each other, then halving every {@code halfLife}. An article is as close to an event as the
 * nearer of its publication time and the day its news happened (a weekday named in the text may
 * also mean that day a week earlier, for a late report).
 */
final class TimeDecay {
  static final long DAY_MILLIS = 86_400_000L;

  private final double graceMillis;
  private final double halfLifeMillis;

  TimeDecay(StoryOptions options) {
    this.graceMillis = options.grace().toMillis();
    this.halfLifeMillis = Math.max(1, options.halfLife().toMillis());
  }

  /** Decay of an article (publication time if {@code timed}; day or NO_DAY) to an event. */
  double of(boolean timed, long time, long day, boolean weekday, StoryState s) {
    double gap = gap(timed, time, day, weekday, s);
    return gap == Double.MAX_VALUE ? 1 : ofGap(gap);
  }

  /** Decay between two events' mean publication times (1 when either is undated). */
  double between(StoryState a, StoryState b) {
    return a.timed == 0 || b.timed == 0 ? 1 : ofGap(Math.abs(a.meanTime() - b.meanTime()));
  }

  /** Decay over a gap of so many millis. */
  double ofGap(double gapMillis) {
    double gap = gapMillis - graceMillis;
    return gap <= 0 ? 1 : Math.pow(0.5, gap / halfLifeMillis);
  }

  /** {@link #gap} in days, 0 when unknown. */
  static double gapDays(boolean timed, long time, long day, boolean weekday, StoryState s) {
    double gap = gap(timed, time, day, weekday, s);
    return gap == Double.MAX_VALUE ? 0 : gap / DAY_MILLIS;
  }

  /**
   * Millis between an article and an event: of the nearer of publication time and day of the news
   * ({@code Double.MAX_VALUE} when neither is known on both sides).
   */
  static double gap(boolean timed, long time, long day, boolean weekday, StoryState s) {
    double gap = Double.MAX_VALUE;
    if (timed && s.timed > 0) {
      gap = Math.abs(time - s.meanTime());
    }
    double days = dayGap(day, weekday, s);
    return Double.isNaN(days) ? gap : Math.min(gap, days * DAY_MILLIS);
  }

  /**
   * Days between an article's day of the news and an event's mean day, NaN when either is unknown.
   * Day precision: the day before or after is the same day to someone in another time zone.
   */
  static double dayGap(long day, boolean weekday, StoryState s) {
    if (day == TextFeatures.NO_DAY || s.days == 0) {
      return Double.NaN;
    }
    double days = Math.abs(day - s.meanDay());
    if (weekday) {
      days = Math.min(days, Math.abs(day - 7 - s.meanDay()));
    }
    return days;
  }
}
