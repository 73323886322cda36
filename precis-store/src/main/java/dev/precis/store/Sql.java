package dev.precis.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's data-access layer: one statement prepared, bound, run and mapped in one call, so the
 * tables' classes say only their SQL and how a row becomes a value.
 *
 * <p>Parameters bind by type: {@code String} (and a plain {@code null}, bound as a VARCHAR null),
 * {@code Long}, {@code Integer}, times through {@link #time(Instant)} (UTC, typed null) and days
 * through {@link #date(LocalDate)}.
 */
final class Sql {
  /** Maps the current row of a result to a value. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** A typed SQL {@code NULL}: a null whose column type the driver must still be told. */
  private record Null(int sqlType) {}

  private static final Null NULL_TIME = new Null(Types.TIMESTAMP_WITH_TIMEZONE);
  private static final Null NULL_DATE = new Null(Types.DATE);

  private Sql() {}

  /** A time parameter: the instant at UTC, or a timestamp-typed null. */
  static Object time(Instant t) {
    return t == null ? NULL_TIME : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  /** A date parameter, or a date-typed null. */
  static Object date(LocalDate day) {
    return day == null ? NULL_DATE : day;
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** Runs an INSERT and returns the id the database generated for the new row. */
  static long insert(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(ps, params);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no generated id returned");
        }
        return keys.getLong(1);
      }
    }
  }

  /** Every row of a query, mapped in order. */
  static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  /** The first row of a query, mapped, or {@code null} when there is none. */
  static <T> T first(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? row.map(rs) : null;
      }
    }
  }

  /** One statement run for many parameter rows in a single round trip. */
  static final class Batch implements AutoCloseable {
    private final PreparedStatement ps;
    private int rows;

    Batch(Connection c, String sql) throws SQLException {
      this.ps = c.prepareStatement(sql);
    }

    void add(Object... params) throws SQLException {
      bind(ps, params);
      ps.addBatch();
      rows++;
    }

    /** Sends the rows added; nothing when none were. */
    void run() throws SQLException {
      if (rows > 0) {
        ps.executeBatch();
        rows = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      ps.close();
    }
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      int at = i + 1;
      if (p == null) {
        ps.setNull(at, Types.VARCHAR);
      } else if (p instanceof Null n) {
        ps.setNull(at, n.sqlType());
      } else if (p instanceof String s) {
        ps.setString(at, s);
      } else if (p instanceof Long l) {
        ps.setLong(at, l);
      } else if (p instanceof Integer n) {
        ps.setInt(at, n);
      } else if (p instanceof OffsetDateTime || p instanceof LocalDate) {
        ps.setObject(at, p);
      } else {
        throw new IllegalArgumentException("cannot bind " + p.getClass().getName());
      }
    }
  }

  /** A time column as an instant, or {@code null}. */
  static Instant time(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** {@code s} cut to the column's width. */
  static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
