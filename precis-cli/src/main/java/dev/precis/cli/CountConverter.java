package dev.precis.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one check of every count option ({@code --threads}, {@code --words}, {@code --min-articles}
 * ...): a whole number of at least 1, so that every command refuses 0 and negatives alike, with the
 * same message.
 */
final class CountConverter implements ITypeConverter<Integer> {
  @Override
  public Integer convert(String value) {
    int n;
    try {
      n = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
    if (n < 1) {
      throw new TypeConversionException("must be at least 1, got " + n);
    }
    return n;
  }
}
