package dev.precis.text;

/**
 * The ablation baseline for cleaning: keeps every non-blank line (stripped), drops nothing else and
 * finds no title. Given to {@code Precis.builder().cleaner(..)} in place of {@link
 * RuleBasedCleaner} it measures what cleaning is worth:
 *
 * <pre>{@code
 * ./precis eval --dataset ... --summarizers default --cleaner none
 * }</pre>
 */
public final class BlankLineCleaner implements BoilerplateCleaner {
  @Override
  public CleanText clean(String knownTitle, String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .forEach(
            l -> {
              if (out.length() > 0) {
                out.append("\n\n");
              }
              out.append(l);
            });
    return new CleanText(knownTitle, out.toString());
  }
}
