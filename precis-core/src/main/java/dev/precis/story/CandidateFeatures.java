package dev.precis.story;

/**
 * What {@link EventScorer} looks at for one article and one candidate event, in the order of {@link
 * EventScorer#FEATURES}.
 */
final class CandidateFeatures {
  /** Position of {@code toll_conflict} in {@link EventScorer#FEATURES}. */
  static final int TOLL_CONFLICT = 9;

  /** Position of {@code kind_conflict} in {@link EventScorer#FEATURES}. */
  static final int KIND_CONFLICT = 11;

  /** Position of {@code title_overlap} in {@link EventScorer#FEATURES}. */
  static final int TITLE_OVERLAP = 21;

  /** Position of {@code same_day_late} in {@link EventScorer#FEATURES}. */
  static final int SAME_DAY_LATE = 22;

  /** Position of {@code shared_numbers} in {@link EventScorer#FEATURES}. */
  static final int SHARED_NUMBERS = 23;

  /** Position of {@code shared_quotes} in {@link EventScorer#FEATURES}. */
  static final int SHARED_QUOTES = 24;

  /** Longest gap the {@code gap_days} feature counts. */
  static final double MAX_GAP_DAYS = 30;

  private CandidateFeatures() {}

  /**
   * Fills {@code out} for an article (its time, day of the news, heaviest terms) and an event.
   *
   * @param timed whether the article has a publication time ({@code time}; else the stream clock)
   * @param titled whether it has a title
   * @param eventTimed whether the article's publication time or text tells when it happened
   * @param titleWeights the rarity of each of the article's title words in the stream ({@link
   *     DocumentFrequency#idf(long[])} of {@code f.titleTerms()}), the same for every candidate
   */
  static void of(
      double[] out,
      TimeDecay decay,
      double cosine,
      boolean timed,
      boolean titled,
      long[] query,
      long time,
      boolean eventTimed,
      TextFeatures f,
      StoryState s,
      double[] titleWeights) {
    long day = f.eventDay();
    double publication = timed && s.timed > 0 ? decay.ofGap(Math.abs(time - s.meanTime())) : 1;
    double dayGap = TimeDecay.dayGap(day, f.weekday(), s);
    boolean known = !Double.isNaN(dayGap);
    fill(
        out,
        cosine,
        publication,
        known ? decay.ofGap(dayGap * TimeDecay.DAY_MILLIS) : 1,
        decay.of(timed, time, day, f.weekday(), s),
        TimeDecay.gapDays(timed, time, day, f.weekday(), s),
        known && dayGap < 0.5,
        !eventTimed,
        s.closestMember(query),
        titled,
        f,
        s,
        titleWeights);
    if (timed && titled) {
      // dated, titled reports are told apart by time and headline; trained with shared figures
      // and quotes, this model weighed them below 0 and did no better at its threshold on the
      // tune streams (roundups and roundups-hard at p >= 0.35: mean F1 0.9208 against 0.9215)
      out[SHARED_NUMBERS] = 0;
      out[SHARED_QUOTES] = 0;
    }
  }

  private static double share(int shared, int of) {
    return of == 0 ? 0 : (double) shared / of;
  }

  /**
   * Whether the candidate whose features are {@code out} can never be the article's event: it
   * reports tolls all far from the article's, or, when the article says nothing of when it
   * happened, another kind of happening. Without a time, content alone keeps events apart and the
   * kind of happening is its clearest sign; with one, time tells, and a kind read wrongly from one
   * lead would only split an event (measured on the tune streams: a veto on every kind conflict
   * cost 0.01-0.015 F1 on the dated ones).
   */
  static boolean vetoed(double[] out, boolean eventTimed) {
    return out[TOLL_CONFLICT] > 0 || (!eventTimed && out[KIND_CONFLICT] > 0);
  }

  /**
   * What the scorer looks at for one article and one candidate event (filled into {@code out}).
   *
   * @param cosine cosine of the article's TF-IDF vector with the event centroid
   * @param publicationDecay time decay between the publication times (1 when either is undated)
   * @param dayDecay time decay between the days the news happened (1 when either is unknown)
   * @param decay the time decay the hand rule uses: of the nearer of the two
   * @param gapDays days between them, of the nearer of the two (0 when unknown)
   * @param sameDay whether both know the day and it is the same
   * @param undated whether neither the article's publication time nor its text gives a day
   * @param closestMember share of the article's heaviest terms that the closest member shares
   * @param titled whether the article has a title (title words then weigh in its vector)
   * @param titleWeights the weight of each of the article's title words in {@code title_overlap}
   *     (their rarity, {@link DocumentFrequency#idf(long[])}; all 1 when {@code null})
   */
  static void fill(
      double[] out,
      double cosine,
      double publicationDecay,
      double dayDecay,
      double decay,
      double gapDays,
      boolean sameDay,
      boolean undated,
      double closestMember,
      boolean titled,
      TextFeatures f,
      StoryState s,
      double[] titleWeights) {
    out[TITLE_OVERLAP] = s.weightedTitleOverlap(f.titleTerms(), titleWeights);
    int ka = f.kind();
    int kb = s.kind();
    double names = s.nameOverlap(f.entities());
    out[0] = cosine;
    out[1] = Math.sqrt(Math.max(0, cosine));
    out[2] = cosine * publicationDecay;
    out[3] = cosine * dayDecay;
    out[4] = cosine * decay;
    out[5] = decay;
    out[6] = sameDay ? 1 : 0;
    out[7] = undated ? 1 : 0;
    out[8] = undated ? cosine : 0;
    out[9] = ReportedFigures.conflict(f.figures(), s.figures) ? 1 : 0;
    out[10] = ReportedFigures.agree(f.figures(), s.figures) ? 1 : 0;
    out[11] = ka != 0 && kb != 0 && ka != kb ? 1 : 0;
    out[12] = ka != 0 && ka == kb ? 1 : 0;
    out[13] = names;
    out[14] = cosine * names;
    out[15] = Math.log(1 + s.vectors);
    out[16] = closestMember;
    out[17] = titled ? 1 : 0;
    out[18] = titled ? cosine : 0;
    out[19] = titled ? decay : 0;
    // linear beyond the decay, which is flat near 0 after a few days: a happening weeks apart
    // stays apart however alike the words
    out[20] = Math.min(gapDays, MAX_GAP_DAYS);
    // a late report that names the event's day: the publication gap says apart, the day says same
    out[SAME_DAY_LATE] = sameDay ? 1 - publicationDecay : 0;
    // what two reports of one happening share in any wording: its figures and its quotes
    out[SHARED_NUMBERS] = share(SharedDetails.shared(s.numbers, f.numbers()), f.numbers().length);
    out[SHARED_QUOTES] = share(SharedDetails.shared(s.quotes, f.quotes()), f.quotes().length);
  }
}
