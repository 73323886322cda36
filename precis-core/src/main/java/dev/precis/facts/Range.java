package dev.precis.facts;

/**
 * The interval of values a stated figure allows: "at least 87" is {@code [87, ∞)}, "more than 80"
 * is {@code (80, ∞)}, "nearly 20" is {@code [17, 20)}, "dozens" is {@code [24, 144]}.
 *
 * @param low lower bound
 * @param lowInclusive whether {@code low} itself is allowed
 * @param high upper bound, {@link Double#POSITIVE_INFINITY} when open-ended
 * @param highInclusive whether {@code high} itself is allowed
 * @param approximate whether the text hedges ("about", "nearly", "dozens")
 */
public record Range(
    double low, boolean lowInclusive, double high, boolean highInclusive, boolean approximate) {

  /** An exact value. */
  public static Range exactly(double v) {
    return new Range(v, true, v, true, false);
  }

  /** Whether some value satisfies both ranges. */
  public boolean overlaps(Range o) {
    double lo = Math.max(low, o.low);
    double hi = Math.min(high, o.high);
    if (lo < hi) {
      return true;
    }
    if (lo > hi) {
      return false;
    }
    boolean loIn = (low == lo ? lowInclusive : true) && (o.low == lo ? o.lowInclusive : true);
    boolean hiIn = (high == hi ? highInclusive : true) && (o.high == hi ? o.highInclusive : true);
    return loIn && hiIn;
  }

  /** Interval notation, e.g. {@code [87, ∞)} or {@code 20}. */
  @Override
  public String toString() {
    if (low == high && lowInclusive && highInclusive) {
      return fmt(low);
    }
    return (lowInclusive ? "[" : "(")
        + fmt(low)
        + ", "
        + (Double.isInfinite(high) ? "∞" : fmt(high))
        + (highInclusive && !Double.isInfinite(high) ? "]" : ")");
  }

  static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.valueOf(v);
  }
}
