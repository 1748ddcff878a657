package dev.strata.runtime.internal;

import dev.strata.runtime.AppliedRevision;
import dev.strata.schema.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Strata's history table: reading and writing its rows on a given connection. */
public final class History {

  /** One row, with the progress of a non-transactional revision. */
  public record Row(AppliedRevision revision, List<String> progress, Optional<String> failure,
      List<String> upgradeSql, List<String> downgradeSql) {
    public Row {
      progress = List.copyOf(progress);
      upgradeSql = List.copyOf(upgradeSql);
      downgradeSql = List.copyOf(downgradeSql);
    }

    public String id() {
      return revision.id();
    }

    public boolean complete() {
      return revision.complete();
    }

    /** A non-transactional revision whose downgrade stopped part-way: progress holds its downgrade's hashes. */
    public boolean reverting() {
      return revision.state() == AppliedRevision.State.REVERTING;
    }
  }

  private final QualifiedName table;

  public History(QualifiedName table) {
    this.table = table;
  }

  public QualifiedName table() {
    return table;
  }

  public boolean exists(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.tableExists())) {
      ps.setString(1, PostgresDialect.regclassName(table));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** Creates the table (and its schema) if missing; autocommit. */
  public void create(Connection c) throws SQLException {
    if (exists(c)) {
      return;
    }
    try (Statement st = c.createStatement()) {
      if (table.namespace().isPresent()) {
        st.execute(PostgresDialect.createSchemaIfMissing(table.namespace().get()));
      }
      st.execute(PostgresDialect.createHistoryTable(table));
    }
  }

  /** All rows in the order they were applied; empty when the table does not exist. */
  public List<Row> read(Connection c) throws SQLException {
    if (!exists(c)) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.selectHistory(table));
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String parents = rs.getString(2);
        AppliedRevision revision = new AppliedRevision(rs.getString(1),
            parents.isEmpty() ? List.of() : Arrays.asList(parents.split(",")), rs.getString(3), rs.getString(4),
            rs.getTimestamp(6).toInstant(), rs.getString(7), Duration.ofMillis(rs.getLong(8)),
            "applied".equals(rs.getString(9)), state(rs.getString(1), rs.getString(9)));
        rows.add(new Row(revision, strings(rs.getArray(10)), Optional.ofNullable(rs.getString(11)),
            strings(rs.getArray(12)), strings(rs.getArray(13))));
      }
    }
    return rows;
  }

  private AppliedRevision.State state(String revision, String state) throws SQLException {
    switch (state) {
      case "applied":
        return AppliedRevision.State.APPLIED;
      case "partial":
        return AppliedRevision.State.PARTIAL;
      case "reverting":
        return AppliedRevision.State.REVERTING;
      default:
        throw new SQLException("the row of revision " + revision + " in " + table + " has state '" + state
            + "', which this version of Strata does not know (it knows applied, partial, reverting); use the"
            + " Strata version that wrote it");
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    List<String> values = new ArrayList<>();
    for (Object value : (Object[]) array.getArray()) {
      values.add((String) value);
    }
    return values;
  }

  /** Inserts the row and returns it as stored (with the server's time and user). */
  public AppliedRevision insert(Connection c, RevisionInfo r, Duration duration, boolean complete, List<String> progress,
      Optional<String> failure) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.insertHistory(table))) {
      ps.setString(1, r.id());
      ps.setString(2, String.join(",", r.parents()));
      ps.setString(3, r.message());
      ps.setString(4, r.checksum());
      ps.setLong(5, duration.toMillis());
      ps.setString(6, complete ? "applied" : "partial");
      ps.setArray(7, c.createArrayOf("text", progress.toArray()));
      ps.setString(8, failure.orElse(null));
      ps.setArray(9, c.createArrayOf("text", r.upgrade().statements().toArray()));
      ps.setArray(10, c.createArrayOf("text", r.downgrade().statements().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new AppliedRevision(r.id(), r.parents(), r.message(), r.checksum(), rs.getTimestamp(1).toInstant(),
            rs.getString(2), duration, complete);
      }
    }
  }

  public void updateProgress(Connection c, String revision, Duration duration, boolean complete,
      List<String> progress, Optional<String> failure) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.updateHistoryProgress(table))) {
      ps.setLong(1, duration.toMillis());
      ps.setString(2, complete ? "applied" : "partial");
      ps.setArray(3, c.createArrayOf("text", progress.toArray()));
      ps.setString(4, failure.orElse(null));
      ps.setString(5, revision);
      ps.executeUpdate();
    }
  }

  /**
   * Marks the row as part-way through its downgrade, with the hashes of the downgrade statements that
   * have run; applied_at and duration_ms stay those of the upgrade.
   */
  public void updateReverting(Connection c, String revision, List<String> progress, Optional<String> failure)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.updateHistoryReverting(table))) {
      ps.setArray(1, c.createArrayOf("text", progress.toArray()));
      ps.setString(2, failure.orElse(null));
      ps.setString(3, revision);
      ps.executeUpdate();
    }
  }

  /** Records the application's version of an edited revision as the applied one. */
  public void updateChecksum(Connection c, RevisionInfo revision) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.updateHistoryChecksum(table))) {
      ps.setString(1, revision.checksum());
      ps.setArray(2, c.createArrayOf("text", revision.upgrade().statements().toArray()));
      ps.setArray(3, c.createArrayOf("text", revision.downgrade().statements().toArray()));
      ps.setString(4, revision.id());
      ps.executeUpdate();
    }
  }

  public void delete(Connection c, String revision) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.deleteHistory(table))) {
      ps.setString(1, revision);
      ps.executeUpdate();
    }
  }
}
