package dev.precis.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help that wraps only at spaces. Picocli wraps with the JDK's line break iterator, which also
 * breaks after dots, hyphens and bars, so "ROUGE-1.5.5", "e.g." and "summaries.jsonl" were cut
 * across lines.
 */
final class WordWrapHelp extends Help {
  /** Width of help text when the terminal's is unknown. */
  static final int WIDTH = 100;

  WordWrapHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  @Override
  public Layout createDefaultLayout() {
    Layout layout = super.createDefaultLayout();
    TextTable original = layout.textTable();
    TextTable table = new SpaceWrappingTable(colorScheme(), original.columns());
    table.indentWrappedLines = original.indentWrappedLines;
    return new Layout(colorScheme(), table);
  }

  @Override
  public String description(Object... params) {
    String[] lines = commandSpec().usageMessage().description();
    if (lines.length == 0) {
      return "";
    }
    int width = commandSpec().usageMessage().width();
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      String text = String.format(line, params);
      for (String part : text.split("\\R", -1)) {
        for (String wrapped : wrap(part, width, width)) {
          out.append(wrapped).append(System.lineSeparator());
        }
      }
    }
    return out.toString();
  }

  /** Packs the words of {@code text} greedily into lines; the first line may be narrower. */
  static List<String> wrap(String text, int firstWidth, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int max = firstWidth;
    for (String word : text.strip().split(" +")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > max) {
        lines.add(line.toString());
        line.setLength(0);
        max = width;
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  /** A text table whose wrapping column breaks lines at spaces only. */
  private static final class SpaceWrappingTable extends TextTable {
    private final ColorScheme scheme;

    SpaceWrappingTable(ColorScheme scheme, Column[] columns) {
      super(scheme, columns);
      this.scheme = scheme;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      String plain = value == null ? "" : value.plainString();
      int room = column.width - column.indent - 1;
      if (column.overflow != Column.Overflow.WRAP || plain.length() <= room || plain.isBlank()) {
        return super.putValue(row, col, value);
      }
      List<String> lines = wrap(plain, room, room - indentWrappedLines);
      Cell cell = super.putValue(row, col, scheme.text(lines.get(0)));
      for (int i = 1; i < lines.size(); i++) {
        int next = cell.row + 1;
        if (next >= rowCount()) {
          addEmptyRow();
        }
        cell =
            super.putValue(next, col, scheme.text(" ".repeat(indentWrappedLines) + lines.get(i)));
      }
      return cell;
    }
  }
}
