package dev.strata.runtime;

import dev.strata.runtime.internal.AdvisoryLock;
import dev.strata.runtime.internal.CatalogReader;
import dev.strata.runtime.internal.History;
import dev.strata.runtime.internal.PostgresDialect;
import dev.strata.runtime.internal.RecordingOperations;
import dev.strata.runtime.internal.RevisionGraph;
import dev.strata.runtime.internal.RevisionInfo;
import dev.strata.runtime.internal.RevisionLoader;
import dev.strata.runtime.internal.SchemaDump;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotFormatException;
import dev.strata.snapshot.SnapshotReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Applies an application's revisions to PostgreSQL.
 *
 * <pre>{@code
 * Migrator.using(dataSource).upgrade();
 *
 * Migrator.configure()
 *     .dataSource(dataSource)
 *     .lockTimeout(Duration.ofSeconds(2))
 *     .build()
 *     .upgrade();
 * }</pre>
 *
 * <p>Revisions are found through {@code META-INF/strata/revisions} (written by Strata's processor)
 * or given explicitly, and checked as a graph when the Migrator is built. Operations that change the
 * database take a PostgreSQL advisory lock first, so instances that start together apply each
 * revision once. Each revision runs in its own transaction together with its history row; a failure
 * rolls that revision back entirely and throws a {@link MigrationException} naming the revision, the
 * statement and the SQLState, while earlier revisions stay applied.
 *
 * <p>A Migrator is immutable and thread-safe.
 */
public final class Migrator {

  /** The history table's default name. */
  public static final String DEFAULT_HISTORY_TABLE = "strata_history";

  private final DataSource dataSource;
  private final RevisionGraph graph;
  private final QualifiedName historyTable;
  private final Duration lockTimeout;
  private final Optional<Duration> statementTimeout;
  private final Duration lockWait;
  private final System.Logger logger;
  private final Set<String> acceptChanged;
  private final ClassLoader classLoader;
  private final Optional<String> baselineOnFirstRun;

  private Migrator(Builder b, RevisionGraph graph) {
    this.dataSource = b.dataSource;
    this.graph = graph;
    this.historyTable = new QualifiedName(Optional.ofNullable(b.historySchema), b.historyTable);
    this.lockTimeout = b.lockTimeout;
    this.statementTimeout = Optional.ofNullable(b.statementTimeout);
    this.lockWait = b.lockWait;
    this.logger = b.logger;
    this.acceptChanged = Set.copyOf(b.acceptChanged);
    this.classLoader = b.effectiveClassLoader();
    this.baselineOnFirstRun = Optional.ofNullable(b.baselineOnFirstRun);
    baselineOnFirstRun.ifPresent(id -> {
      if (!graph.contains(id)) {
        throw new MigrationException("baselineOnFirstRun names revision " + id
            + ", which is not one of the application's revisions");
      }
    });
  }

  /** A Migrator with the default configuration for {@code dataSource}. */
  public static Migrator using(DataSource dataSource) {
    return configure().dataSource(dataSource).build();
  }

  /** Starts a configuration. */
  public static Builder configure() {
    return new Builder();
  }

  // ---- inspection ---------------------------------------------------------------------------------

  /**
   * The heads of what is applied: empty at base, one revision id normally, several when the database
   * stopped between the branches of a merge.
   */
  public List<String> current() {
    return withConnection(c -> heads(new History(historyTable).read(c)));
  }

  /** The history table's rows, in the order they were applied; empty before the first upgrade. */
  public List<AppliedRevision> history() {
    return withConnection(c -> new History(historyTable).read(c).stream().map(History.Row::revision).toList());
  }

  /** The ids of the revisions {@link #upgrade()} would apply, in that order. */
  public List<String> pending() {
    return withConnection(c -> {
      List<History.Row> rows = new History(historyTable).read(c);
      checkKnown(rows);
      Set<String> applied = appliedIds(rows);
      return graph.order().stream().map(RevisionInfo::id).filter(id -> !applied.contains(id)).toList();
    });
  }

  // ---- upgrade and downgrade ------------------------------------------------------------------------

  /** Applies every pending revision. */
  public MigrationResult upgrade() {
    return upgrade("head");
  }

  /**
   * Applies the pending revisions up to {@code target}: a revision id (it and the revisions it
   * descends from), {@code "head"} (all), or {@code "+N"} (the next N).
   */
  public MigrationResult upgrade(String target) {
    Objects.requireNonNull(target, "target");
    long start = System.nanoTime();
    try (AdvisoryLock lock = lock(); Connection c = connect()) {
      History history = new History(historyTable);
      history.create(c);
      List<History.Row> rows = history.read(c);
      if (rows.isEmpty() && baselineOnFirstRun.isPresent() && hasTables(c)) {
        logger.log(Level.INFO, "the database has tables but no Strata history: adopting it at revision "
            + baselineOnFirstRun.get() + " (baselineOnFirstRun)");
        stamp(c, history, baselineOnFirstRun.get(), false);
        rows = history.read(c);
      }
      checkKnown(rows);
      Optional<History.Row> reverting = rows.stream().filter(History.Row::reverting).findFirst();
      if (reverting.isPresent()) {
        throw new MigrationException("cannot upgrade: " + revertingState(reverting.get())
            + ".\nFinish the downgrade first: fix the cause and run downgrade(\"-1\"), which resumes at statement "
            + (reverting.get().progress().size() + 1) + ", then upgrade", reverting.get().id(), null, null, null);
      }
      checkChecksums(c, history, rows);
      Set<String> applied = appliedIds(rows);
      List<RevisionInfo> pending = graph.order().stream().filter(r -> !applied.contains(r.id())).toList();
      List<RevisionInfo> plan = upgradePlan(target, pending);
      List<AppliedRevision> done = new ArrayList<>();
      for (RevisionInfo revision : plan) {
        Optional<History.Row> partial = rows.stream().filter(r -> r.id().equals(revision.id())).findFirst();
        done.add(revision.transactional() ? apply(c, history, revision)
            : applyStepByStep(c, history, revision, partial));
      }
      List<String> current = heads(history.read(c));
      Duration total = since(start);
      if (done.isEmpty()) {
        logger.log(Level.INFO, "the database is up to date" + at(current));
      } else {
        logger.log(Level.INFO, "upgraded" + at(current) + ": " + done.size() + " revision"
            + (done.size() == 1 ? "" : "s") + " applied in " + total.toMillis() + " ms");
      }
      return new MigrationResult(done, current, total);
    } catch (SQLException e) {
      throw new MigrationException("upgrade failed: " + e.getMessage(), null, null, e.getSQLState(), e);
    }
  }

  /**
   * Reverts applied revisions down to {@code target}: a revision id (everything applied that it does
   * not descend from is reverted; it stays), {@code "base"} (everything), or {@code "-N"} (the last N).
   * A non-transactional revision whose downgrade stopped part-way is reverted first, resuming after
   * its last completed downgrade statement.
   */
  public MigrationResult downgrade(String target) {
    Objects.requireNonNull(target, "target");
    long start = System.nanoTime();
    try (AdvisoryLock lock = lock(); Connection c = connect()) {
      History history = new History(historyTable);
      List<History.Row> rows = history.read(c);
      checkKnown(rows);
      checkChecksums(c, history, rows);
      for (History.Row row : rows) {
        if (!row.complete() && !row.reverting()) {
          throw new MigrationException("cannot downgrade: non-transactional revision " + row.id() + " stopped part-way ("
              + row.progress().size() + " of its statements ran); run upgrade() to finish it first, then downgrade",
              row.id(), null, null, null);
        }
      }
      // A revision whose downgrade stopped part-way is still applied in part; it is the first to finish.
      Optional<History.Row> reverting = rows.stream().filter(History.Row::reverting).findFirst();
      Set<String> applied = appliedIds(rows);
      reverting.ifPresent(r -> applied.add(r.id()));
      List<RevisionInfo> appliedInReverse = new ArrayList<>(
          graph.order().stream().filter(r -> applied.contains(r.id())).toList());
      Collections.reverse(appliedInReverse);
      if (reverting.isPresent()) {
        RevisionInfo first = graph.get(reverting.get().id()).orElseThrow();
        appliedInReverse.remove(first);
        appliedInReverse.add(0, first);
      }
      List<RevisionInfo> plan = downgradePlan(target, appliedInReverse, applied);
      if (reverting.isPresent() && plan.stream().noneMatch(r -> r.id().equals(reverting.get().id()))) {
        throw new MigrationException("cannot downgrade to " + target + ": " + revertingState(reverting.get())
            + ", so it can only be finished: downgrade to a revision it descends from (downgrade(\"-1\") resumes it at"
            + " statement " + (reverting.get().progress().size() + 1) + ")", reverting.get().id(), null, null, null);
      }
      List<AppliedRevision> done = new ArrayList<>();
      for (RevisionInfo revision : plan) {
        History.Row row = rows.stream().filter(r -> r.id().equals(revision.id())).findFirst().orElseThrow();
        done.add(revert(c, history, row, revision));
      }
      List<String> current = heads(history.read(c));
      Duration total = since(start);
      if (done.isEmpty()) {
        logger.log(Level.INFO, "nothing to downgrade" + at(current));
      } else {
        logger.log(Level.INFO, "downgraded" + (current.isEmpty() ? " to base" : at(current)) + ": " + done.size()
            + " revision" + (done.size() == 1 ? "" : "s") + " reverted in " + total.toMillis() + " ms");
      }
      return new MigrationResult(done, current, total);
    } catch (SQLException e) {
      throw new MigrationException("downgrade failed: " + e.getMessage(), null, null, e.getSQLState(), e);
    }
  }

  private List<RevisionInfo> upgradePlan(String target, List<RevisionInfo> pending) {
    if (target.equals("head")) {
      return pending;
    }
    if (target.equals("base")) {
      return List.of();
    }
    if (target.startsWith("+")) {
      int n = relative(target, "upgrade");
      return pending.subList(0, Math.min(n, pending.size()));
    }
    if (!graph.contains(target)) {
      throw unknownTarget(target, "upgrade", "\"head\" or \"+N\"");
    }
    Set<String> wanted = graph.ancestorsOrSelf(target);
    return pending.stream().filter(r -> wanted.contains(r.id())).toList();
  }

  private List<RevisionInfo> downgradePlan(String target, List<RevisionInfo> appliedInReverse, Set<String> applied) {
    if (target.equals("base")) {
      return appliedInReverse;
    }
    if (target.startsWith("-")) {
      int n = relative(target, "downgrade");
      return appliedInReverse.subList(0, Math.min(n, appliedInReverse.size()));
    }
    if (!graph.contains(target)) {
      throw unknownTarget(target, "downgrade", "\"base\" or \"-N\"");
    }
    if (!applied.contains(target)) {
      throw new MigrationException("cannot downgrade to revision " + target + ": it is not applied; the database is"
          + at(graphHeads(appliedInReverse.stream().map(RevisionInfo::id).toList())) + ". Use upgrade(\"" + target
          + "\") to move forward to it");
    }
    Set<String> keep = graph.ancestorsOrSelf(target);
    return appliedInReverse.stream().filter(r -> !keep.contains(r.id())).toList();
  }

  private static int relative(String target, String operation) {
    try {
      int n = Integer.parseInt(target.substring(1));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MigrationException(operation + " target " + target + " is not a relative target; write "
        + (operation.equals("upgrade") ? "+N" : "-N") + " with N a positive number");
  }

  private MigrationException unknownTarget(String target, String operation, String keywords) {
    return new MigrationException(operation + " target " + target + " is not one of the application's revisions;"
        + " give a revision id" + graph.head().map(h -> " (the head is " + h.id() + ")").orElse("") + ", " + keywords);
  }

  // ---- adopting, offline SQL, drift -----------------------------------------------------------------

  /**
   * Adopts an existing database (made by hand, by {@code ddl-auto}, or by another tool) at
   * {@code revision} without running anything: records it and the revisions it descends from as
   * applied, after checking that the database's tables are as that revision's schema says.
   * Tables the revisions do not know are ignored.
   *
   * @throws MigrationException listing the differences when the database does not match, or when
   *     the database already has a history
   */
  public MigrationResult stamp(String revision) {
    return stamp(revision, false);
  }

  /** {@link #stamp(String)}; with {@code force}, without comparing the database with the revision's schema. */
  public MigrationResult stamp(String revision, boolean force) {
    Objects.requireNonNull(revision, "revision");
    long start = System.nanoTime();
    try (AdvisoryLock lock = lock(); Connection c = connect()) {
      History history = new History(historyTable);
      history.create(c);
      List<AppliedRevision> done = stamp(c, history, revision, force);
      List<String> current = heads(history.read(c));
      return new MigrationResult(done, current, since(start));
    } catch (SQLException e) {
      throw new MigrationException("stamp failed: " + e.getMessage(), revision, null, e.getSQLState(), e);
    }
  }

  private List<AppliedRevision> stamp(Connection c, History history, String revision, boolean force)
      throws SQLException {
    if (!graph.contains(revision)) {
      throw new MigrationException("stamp target " + revision + " is not one of the application's revisions; give a"
          + " revision id" + graph.head().map(h -> " (the head is " + h.id() + ")").orElse(""));
    }
    List<History.Row> rows = history.read(c);
    if (!rows.isEmpty()) {
      throw new MigrationException("cannot stamp revision " + revision + ": the database already has a Strata history"
          + at(heads(rows)) + "; stamp adopts a database that has none. Use upgrade or downgrade to move it");
    }
    Set<String> ids = graph.ancestorsOrSelf(revision);
    if (!force) {
      Schema expected = schemaOf(ids, revision);
      Schema live = CatalogReader.read(c, expected.namespaces(),
          Set.of(historyTable));
      Set<QualifiedName> known = new HashSet<>();
      expected.tables().forEach(t -> known.add(t.name()));
      expected.sequences().forEach(q -> known.add(q.name()));
      // Objects the revisions never created are not Strata's: they do not prevent adopting the rest.
      live = live.withTables(live.tables().stream().filter(t -> known.contains(t.name())).toList())
          .withSequences(live.sequences().stream().filter(q -> known.contains(q.name())).toList());
      List<String> differences = SchemaDump.differences(live, expected);
      if (!differences.isEmpty()) {
        throw new MigrationException("cannot stamp revision " + revision + ": the database does not match its schema:\n  "
            + String.join("\n  ", differences) + "\nMake the database match, stamp the revision it does match, or"
            + " call stamp(\"" + revision + "\", true) to record it without this check", revision, null, null, null);
      }
    }
    List<AppliedRevision> done = new ArrayList<>();
    c.setAutoCommit(false);
    try {
      for (RevisionInfo r : graph.order()) {
        if (ids.contains(r.id())) {
          done.add(history.insert(c, r, Duration.ZERO, true, List.of(), Optional.empty()));
        }
      }
      c.commit();
    } catch (SQLException e) {
      rollback(c);
      throw e;
    } finally {
      restoreAutoCommit(c);
    }
    logger.log(Level.INFO, "stamped the database at " + revision + (force ? " (forced, not checked)" : "")
        + ": " + done.size() + " revision" + (done.size() == 1 ? "" : "s") + " recorded as applied");
    return done;
  }

  private boolean hasTables(Connection c) throws SQLException {
    Schema live = CatalogReader.read(c, List.of(), Set.of(historyTable));
    return !live.tables().isEmpty();
  }

  /**
   * The SQL script that takes a database from {@code from} to {@code to}, computed without a
   * database, for DBAs who run scripts themselves: {@code from} is {@code "base"} or a revision id,
   * {@code to} is {@code "head"}, {@code "base"} or a revision id. Moving forward, each revision is
   * one transaction with its history row (the history table is created first if missing); moving
   * back, each revision's downgrade deletes its row. A non-transactional revision's statements run
   * one by one, without {@code begin}/{@code commit}. A database migrated by the script is, for
   * the Migrator, exactly as if it had applied the revisions itself.
   */
  public String sql(String from, String to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Set<String> fromSet = closure(from, "from");
    Set<String> toSet = closure(to, "to");
    boolean forward = toSet.containsAll(fromSet);
    if (!forward && !fromSet.containsAll(toSet)) {
      throw new MigrationException("sql(\"" + from + "\", \"" + to + "\"): neither revision descends from the other;"
          + " give a range along one line of the revision graph");
    }
    StringBuilder out = new StringBuilder();
    out.append("-- Strata: ").append(forward ? "upgrade" : "downgrade").append(" from ").append(from).append(" to ")
        .append(to).append('\n');
    List<RevisionInfo> plan = new ArrayList<>();
    for (RevisionInfo r : graph.order()) {
      if (forward ? toSet.contains(r.id()) && !fromSet.contains(r.id())
          : fromSet.contains(r.id()) && !toSet.contains(r.id())) {
        plan.add(r);
      }
    }
    if (forward) {
      if (historyTable.namespace().isPresent()) {
        out.append(PostgresDialect.createSchemaIfMissing(historyTable.namespace().get())).append(";\n");
      }
      out.append(PostgresDialect.createHistoryTable(historyTable)).append(";\n");
    } else {
      Collections.reverse(plan);
    }
    for (RevisionInfo r : plan) {
      RecordingOperations.Recorded steps = forward ? r.upgrade() : r.downgrade();
      out.append("\n-- ").append(r.describe()).append(r.transactional() ? "" : ", not transactional").append('\n');
      if (r.transactional()) {
        out.append(PostgresDialect.begin()).append(";\n");
        out.append(PostgresDialect.setLockTimeout(lockTimeout, true)).append(";\n");
      }
      for (String statement : steps.statements()) {
        out.append(statement).append(";\n");
      }
      out.append(forward
          ? PostgresDialect.insertHistoryLiteral(historyTable, r.id(), String.join(",", r.parents()), r.message(),
              r.checksum(), r.upgrade().statements(), r.downgrade().statements())
          : PostgresDialect.deleteHistoryLiteral(historyTable, r.id())).append(";\n");
      if (r.transactional()) {
        out.append(PostgresDialect.commit()).append(";\n");
      }
    }
    return out.toString();
  }

  /** The revisions that make up {@code target}'s state: "base" is none, "head" all. */
  private Set<String> closure(String target, String argument) {
    if (target.equals("base")) {
      return Set.of();
    }
    if (target.equals("head")) {
      return graph.head().map(h -> graph.ancestorsOrSelf(h.id())).orElse(Set.of());
    }
    if (!graph.contains(target)) {
      throw new MigrationException(argument + " " + target + " is not one of the application's revisions; give a"
          + " revision id, \"base\" or \"head\"");
    }
    return graph.ancestorsOrSelf(target);
  }

  /**
   * Compares the live schema with what the application expects and lists every difference (missing
   * or unexpected tables, columns, types, nullability, defaults, keys, constraints, indexes,
   * sequences), one line each, sorted; empty when there is no drift. What is expected is the
   * snapshot the application was built with ({@code META-INF/strata/schema.strata}) when the
   * database is at the snapshot's head, otherwise the schema the applied revisions produce.
   * Tables that no revision created are reported too ("not expected"). A non-transactional revision
   * whose downgrade stopped part-way counts as not applied, and the list starts with a line saying so.
   */
  public List<String> verify() {
    try (Connection c = connect()) {
      List<History.Row> rows = new History(historyTable).read(c);
      checkKnown(rows);
      List<String> current = heads(rows);
      Schema expected = current.size() == 1 ? snapshotAt(current.get(0)) : null;
      if (expected == null) {
        expected = schemaOf(appliedIds(rows), current.isEmpty() ? "base" : String.join(", ", current));
      }
      Schema live = CatalogReader.read(c, expected.namespaces(),
          Set.of(historyTable));
      List<String> differences = new ArrayList<>();
      // A revision part-way through its downgrade is between two schemas: say so before the differences it leaves.
      rows.stream().filter(History.Row::reverting).forEach(row -> differences.add(revertingState(row)
          + "; run downgrade(\"-1\") to finish it (it resumes at statement " + (row.progress().size() + 1) + ")"));
      differences.addAll(SchemaDump.differences(live, expected));
      logger.log(differences.isEmpty() ? Level.INFO : Level.WARNING, differences.isEmpty()
          ? "the database matches" + at(current)
          : "the database differs from" + at(current) + ":\n  " + String.join("\n  ", differences));
      return differences;
    } catch (SQLException e) {
      throw new MigrationException("verify failed: " + e.getMessage(), null, null, e.getSQLState(), e);
    }
  }

  /** The packaged snapshot's schema when the snapshot's head is {@code revision}; null otherwise. */
  private Schema snapshotAt(String revision) {
    URL url = classLoader.getResource("META-INF/strata/schema.strata");
    if (url == null) {
      return null;
    }
    try (InputStream in = url.openStream()) {
      Snapshot snapshot = SnapshotReader.read(
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return snapshot.head().equals(Optional.of(revision)) ? snapshot.schema() : null;
    } catch (IOException | SnapshotFormatException e) {
      throw new MigrationException("cannot read the packaged snapshot " + url + ": " + e.getMessage(), e);
    }
  }

  /** The schema the upgrades of {@code ids} produce from an empty database, computed without one. */
  private Schema schemaOf(Set<String> ids, String what) {
    Schema schema = Schema.EMPTY;
    for (RevisionInfo r : graph.order()) {
      if (ids.contains(r.id())) {
        try {
          schema = Change.applyAll(schema, r.upgrade().changes());
        } catch (IllegalStateException | IllegalArgumentException e) {
          throw new MigrationException("cannot compute the schema at " + what + ": revision " + r.describe()
              + " does not apply to the schema its parents produce: " + e.getMessage(), r.id(), null, null, e);
        }
      }
    }
    return schema;
  }

  // ---- applying one revision ------------------------------------------------------------------------

  private AppliedRevision apply(Connection c, History history, RevisionInfo revision) throws SQLException {
    long start = System.nanoTime();
    AppliedRevision[] row = new AppliedRevision[1];
    run(c, revision, revision.upgrade(), "upgrade", () -> row[0] = history.insert(c, revision, since(start), true,
        List.of(), Optional.empty()));
    logger.log(Level.INFO, "applied " + revision.describe() + " in " + row[0].duration().toMillis() + " ms");
    return row[0];
  }

  private AppliedRevision revert(Connection c, History history, History.Row row, RevisionInfo revision)
      throws SQLException {
    long start = System.nanoTime();
    if (revision.transactional()) {
      run(c, revision, revision.downgrade(), "downgrade", () -> history.delete(c, revision.id()));
    } else {
      revertStepByStep(c, history, row, revision);
    }
    Duration duration = since(start);
    logger.log(Level.INFO, "reverted " + revision.describe() + " in " + duration.toMillis() + " ms");
    AppliedRevision applied = row.revision();
    return new AppliedRevision(applied.id(), applied.parents(), applied.message(), applied.checksum(),
        applied.appliedAt(), applied.appliedBy(), duration, true, AppliedRevision.State.APPLIED);
  }

  /**
   * The downgrade of a non-transactional revision, the way {@link #applyStepByStep} runs its upgrade:
   * the row turns {@code reverting} before the first statement, {@code progress} then holds the
   * hashes of the downgrade statements that have run, and a downgrade that stopped part-way resumes
   * after the last of them, provided they are unchanged. The row goes when the last statement has run.
   */
  private void revertStepByStep(Connection c, History history, History.Row row, RevisionInfo revision)
      throws SQLException {
    List<RecordingOperations.Step> steps = revision.downgrade().steps();
    List<String> hashes = steps.stream().map(step -> RevisionInfo.sha256(step.sql())).toList();
    List<String> progress = new ArrayList<>();
    if (row.reverting()) {
      List<String> done = row.progress();
      if (done.size() > hashes.size() || !hashes.subList(0, done.size()).equals(done)) {
        StringBuilder details = new StringBuilder();
        List<String> now = revision.downgrade().statements();
        statementDifferences(details, "downgrade", row.downgradeSql().subList(0, Math.min(done.size(),
            row.downgradeSql().size())), now.subList(0, Math.min(done.size(), now.size())));
        throw new MigrationException("the downgrade of non-transactional revision " + revision.describe()
            + " stopped part-way after " + done.size() + " statement" + (done.size() == 1 ? "" : "s")
            + ", and " + (done.size() == 1 ? "its first downgrade statement has" : "its first " + done.size()
            + " downgrade statements have") + " changed since, so it cannot resume:" + details + "\nRestore "
            + (done.size() == 1 ? "it" : "them") + " as " + (done.size() == 1 ? "it was" : "they were")
            + "; or finish the downgrade by hand (do what its remaining statements do), then delete its row from "
            + historyTable, revision.id(), null, null, null);
      }
      progress.addAll(done);
      // The statements after the completed ones may have been fixed: the row records those that run now.
      history.updateChecksum(c, revision);
      logger.log(Level.INFO, "resuming the downgrade of non-transactional revision " + revision.describe()
          + " at statement " + (done.size() + 1) + " of " + steps.size());
    } else {
      history.updateReverting(c, revision.id(), progress, Optional.empty());
    }
    runStepByStep(c, revision, steps, progress.size(), "downgrade", i -> {
      progress.add(hashes.get(i));
      history.updateReverting(c, revision.id(), progress, Optional.empty());
    }, failure -> history.updateReverting(c, revision.id(), progress, Optional.of(failure)));
    history.delete(c, revision.id());
  }

  /** {@code the downgrade of non-transactional revision R (m) stopped part-way: K of its N statements ran, ...}. */
  private String revertingState(History.Row row) {
    RevisionInfo revision = graph.get(row.id()).orElseThrow();
    // The downgrade as it ran (recorded when it started or resumed), which the failure's numbers refer to.
    int total = row.downgradeSql().size();
    return "the downgrade of non-transactional revision " + revision.describe() + " stopped part-way: "
        + row.progress().size() + " of its " + total + " downgrade statement" + (total == 1 ? "" : "s") + " ran"
        + row.failure().map(f -> ", then it failed at " + f).orElse("");
  }

  /**
   * A non-transactional revision: each statement in autocommit, its hash recorded in the history row
   * as soon as it has run. A revision that stopped part-way resumes after its last recorded
   * statement, provided the statements that ran are unchanged.
   */
  private AppliedRevision applyStepByStep(Connection c, History history, RevisionInfo revision,
      Optional<History.Row> partial) throws SQLException {
    long start = System.nanoTime();
    List<RecordingOperations.Step> steps = revision.upgrade().steps();
    List<String> hashes = steps.stream().map(step -> RevisionInfo.sha256(step.sql())).toList();
    List<String> progress = new ArrayList<>();
    if (partial.isPresent()) {
      List<String> done = partial.get().progress();
      if (done.size() > hashes.size() || !hashes.subList(0, done.size()).equals(done)) {
        throw new MigrationException("non-transactional revision " + revision.describe() + " stopped part-way after "
            + done.size() + " statement" + (done.size() == 1 ? "" : "s") + ", and the revision's first " + done.size()
            + " statement" + (done.size() == 1 ? " has" : "s have") + " changed since, so it cannot resume. Restore"
            + " them as they were; or make the database as it was before the revision (undo what those statements"
            + " did), delete its row from " + historyTable + " and run upgrade again", revision.id(), null, null, null);
      }
      progress.addAll(done);
      history.updateChecksum(c, revision);
      logger.log(Level.INFO, "resuming non-transactional revision " + revision.describe() + " at statement "
          + (done.size() + 1) + " of " + steps.size());
    } else {
      history.insert(c, revision, Duration.ZERO, false, List.of(), Optional.empty());
    }
    runStepByStep(c, revision, steps, progress.size(), "upgrade", i -> {
      progress.add(hashes.get(i));
      history.updateProgress(c, revision.id(), since(start), false, progress, Optional.empty());
    }, failure -> history.updateProgress(c, revision.id(), since(start), false, progress, Optional.of(failure)));
    history.updateProgress(c, revision.id(), since(start), true, progress, Optional.empty());
    Duration duration = since(start);
    logger.log(Level.INFO, "applied " + revision.describe() + " in " + duration.toMillis() + " ms");
    return history.read(c).stream().filter(r -> r.id().equals(revision.id())).findFirst().orElseThrow().revision();
  }

  private interface StepDone {
    void done(int index) throws SQLException;
  }

  private interface StepFailed {
    void failed(String failure) throws SQLException;
  }

  /** Runs {@code steps} from {@code first} on, each in autocommit, reporting each completed one. */
  private void runStepByStep(Connection c, RevisionInfo revision, List<RecordingOperations.Step> steps, int first,
      String direction, StepDone onDone, StepFailed onFailure) throws SQLException {
    int index = first;
    try (Statement st = c.createStatement()) {
      st.execute(PostgresDialect.setLockTimeout(lockTimeout, false));
      if (statementTimeout.isPresent()) {
        st.execute(PostgresDialect.setStatementTimeout(statementTimeout.get(), false));
      }
      for (; index < steps.size(); index++) {
        RecordingOperations.Step step = steps.get(index);
        if (step.createsIndex().isPresent() && invalidIndexExists(c, step.createsIndex().get())) {
          // A failed CREATE INDEX CONCURRENTLY leaves an INVALID index of that name; it must go before the retry.
          st.execute(PostgresDialect.dropIndexConcurrentlyIfExists(step.createsIndex().get()));
          logger.log(Level.INFO, "dropped INVALID index " + step.createsIndex().get()
              + " left by a failed concurrent build, before building it again");
        }
        st.execute(step.sql());
        onDone.done(index);
      }
    } catch (SQLException e) {
      String statement = index < steps.size() ? steps.get(index).sql() : null;
      String failure = "statement " + (index + 1) + " of " + steps.size() + ", SQLState " + e.getSQLState() + ": "
          + e.getMessage();
      try {
        onFailure.failed(failure);
      } catch (SQLException recording) {
        e.addSuppressed(recording);
      }
      boolean concurrentBuild = statement != null && steps.get(index).createsIndex().isPresent();
      throw new MigrationException(direction + " of non-transactional revision " + revision.describe()
          + " failed at " + failure + (statement != null ? "\n  statement: " + statement : "")
          + "\nIt ran outside a transaction: "
          + (index == 0 ? "no statement before it ran" : (index == 1 ? "statement 1 stays applied and is recorded in "
              : "statements 1 to " + index + " stay applied and are recorded in ") + historyTable)
          + ", nothing was rolled back. Check what the failed statement may have left behind"
          + (concurrentBuild ? " (the INVALID index left by the failed concurrent build is dropped before the retry)" : "")
          + ", fix the cause, and run " + direction + " again: it resumes at statement " + (index + 1) + "."
          + (direction.equals("upgrade") ? "" : " Until the downgrade has finished, upgrade() refuses to run."),
          revision.id(), statement, e.getSQLState(), e);
    } finally {
      try (Statement st = c.createStatement()) {
        for (String reset : PostgresDialect.resetTimeouts()) {
          st.execute(reset);
        }
      } catch (SQLException ignored) {
        // A broken connection is closed by the caller; the settings die with its session.
      }
    }
  }

  private static boolean invalidIndexExists(Connection c, QualifiedName index) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PostgresDialect.invalidIndexExists())) {
      ps.setString(1, index.name());
      ps.setString(2, index.namespace().orElse(null));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Work done in the revision's transaction after its statements. */
  private interface Bookkeeping {
    void run() throws SQLException;
  }

  /** Runs the statements and the bookkeeping in one transaction; on failure rolls back and throws. */
  private void run(Connection c, RevisionInfo revision, RecordingOperations.Recorded recorded, String direction,
      Bookkeeping bookkeeping) throws SQLException {
    List<String> statements = recorded.statements();
    c.setAutoCommit(false);
    int index = -1;
    try (Statement st = c.createStatement()) {
      st.execute(PostgresDialect.setLockTimeout(lockTimeout, true));
      if (statementTimeout.isPresent()) {
        st.execute(PostgresDialect.setStatementTimeout(statementTimeout.get(), true));
      }
      for (index = 0; index < statements.size(); index++) {
        st.execute(statements.get(index));
      }
      index = -1;
      bookkeeping.run();
      c.commit();
    } catch (SQLException e) {
      rollback(c);
      String where = index >= 0
          ? "failed at statement " + (index + 1) + " of " + statements.size()
          : "failed while recording it in the history table";
      String statement = index >= 0 ? statements.get(index) : null;
      throw new MigrationException(direction + " of revision " + revision.describe() + " " + where
          + ", SQLState " + e.getSQLState() + ": " + e.getMessage()
          + (statement != null ? "\n  statement: " + statement : "")
          + (direction.equals("upgrade")
              ? "\nThe revision was rolled back; the revisions before it stay applied."
              // In a downgrade, the revisions before it in the run were reverted, and this one is still applied.
              : "\nThe revision was rolled back and stays applied; the revisions reverted before it stay reverted.")
          + " Fix the cause and run " + direction + " again.", revision.id(), statement, e.getSQLState(), e);
    } finally {
      restoreAutoCommit(c);
    }
  }

  /** Back to autocommit for the next revision; a broken connection must not hide the error being thrown. */
  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // The connection is broken: the caller is already throwing, and closes it.
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; PostgreSQL rolls the transaction back when its session ends.
    }
  }

  // ---- checks -------------------------------------------------------------------------------------

  /** Every applied revision must be one the application knows. */
  private void checkKnown(List<History.Row> rows) {
    List<String> unknown = rows.stream().map(History.Row::id).filter(id -> !graph.contains(id)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    Set<String> childOfUnknown = new HashSet<>();
    for (History.Row row : rows) {
      if (unknown.contains(row.id())) {
        childOfUnknown.addAll(row.revision().parents());
      }
    }
    boolean ahead = graph.head().isPresent() && childOfUnknown.contains(graph.head().get().id())
        || graph.head().isEmpty();
    String list = String.join(", ", unknown);
    if (ahead) {
      throw new MigrationException("the database is ahead of this application: revision" + plural(unknown) + " "
          + list + " " + (unknown.size() == 1 ? "is" : "are") + " applied but not part of the application"
          + graph.head().map(h -> " (its head is " + h.id() + ")").orElse(" (it has no revisions)")
          + ". Deploy the newer application, or downgrade the database with the application that has "
          + (unknown.size() == 1 ? "that revision" : "those revisions"));
    }
    branchMessage(rows, unknown).ifPresent(message -> {
      throw new MigrationException(message);
    });
    throw new MigrationException("revision" + plural(unknown) + " " + list + " " + (unknown.size() == 1 ? "is" : "are")
        + " applied to the database but missing from the application (deleted, or the database was migrated"
        + " from another branch). Restore the missing revision class" + plural(unknown)
        + ", or revert them with the application that has them");
  }

  /**
   * A database left on a branch: an unknown applied revision grew from a revision this application
   * has, and this application continues from that same revision with a revision of its own (a
   * feature branch's build upgraded the database, then the main line was deployed).
   */
  private Optional<String> branchMessage(List<History.Row> rows, List<String> unknown) {
    for (History.Row row : rows) {
      if (!unknown.contains(row.id())) {
        continue;
      }
      for (String parent : row.revision().parents()) {
        if (!graph.contains(parent)) {
          continue;
        }
        List<String> ours = graph.order().stream()
            .filter(r -> r.parents().contains(parent))
            .map(RevisionInfo::id)
            .toList();
        if (!ours.isEmpty()) {
          return Optional.of("the database is on another branch: revision" + plural(unknown) + " "
              + String.join(", ", unknown) + " (applied on top of " + parent + ") " + (unknown.size() == 1 ? "is" : "are")
              + " not part of this application, which continues from " + parent + " with " + String.join(", ", ours)
              + ". A build of another branch upgraded this database. Either downgrade the database to " + parent
              + " with that build (Migrator.downgrade(\"" + parent + "\")) and deploy again, or merge that branch"
              + " into this one (compile with -Astrata.merge=true to generate the merge revision) and deploy the result");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Integrity: each applied revision must still be what was applied (same checksum), unless the
   * configuration accepts its change.
   */
  private void checkChecksums(Connection c, History history, List<History.Row> rows) throws SQLException {
    List<String> changed = new ArrayList<>();
    StringBuilder details = new StringBuilder();
    for (History.Row row : rows) {
      RevisionInfo revision = graph.get(row.id()).orElseThrow();
      if (revision.checksum().equals(row.revision().checksum()) || !row.complete()) {
        // A revision that stopped part-way is checked statement by statement when it resumes.
        continue;
      }
      if (acceptChanged.contains(row.id())) {
        history.updateChecksum(c, revision);
        logger.log(Level.WARNING, "accepted the changed content of applied revision " + revision.describe()
            + ": its checksum was " + row.revision().checksum() + ", now " + revision.checksum());
        continue;
      }
      changed.add(row.id());
      details.append("\n  revision ").append(revision.describe()).append(", ").append(revision.className())
          .append(": checksum ").append(row.revision().checksum()).append(" when applied, now ")
          .append(revision.checksum());
      statementDifferences(details, "upgrade", row.upgradeSql(), revision.upgrade().statements());
      statementDifferences(details, "downgrade", row.downgradeSql(), revision.downgrade().statements());
    }
    if (!changed.isEmpty()) {
      String ids = changed.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
      throw new MigrationException("applied revision" + plural(changed) + " " + String.join(", ", changed)
          + (changed.size() == 1 ? " was" : " were") + " edited after being applied:" + details
          + "\nAn edit to an applied revision never reaches this database. Undo the edit and make the change in a"
          + " new revision; or, if the database already is as the edited revision says, accept the edit with"
          + " Migrator.configure()...acceptChanged(" + ids + ")",
          changed.size() == 1 ? changed.get(0) : null, null, null, null);
    }
  }

  /** Up to three differing statements, as {@code <direction> statement N was: ... / now: ...}. */
  private static void statementDifferences(StringBuilder out, String direction, List<String> before,
      List<String> now) {
    int shown = 0;
    int differing = 0;
    for (int i = 0; i < Math.max(before.size(), now.size()); i++) {
      String a = i < before.size() ? before.get(i) : "(none)";
      String b = i < now.size() ? now.get(i) : "(none)";
      if (a.equals(b)) {
        continue;
      }
      differing++;
      if (shown < 3) {
        String prefix = direction + " statement " + (i + 1) + " ";
        out.append("\n    ").append(prefix).append("was: ").append(a)
            .append("\n    ").append(" ".repeat(prefix.length())).append("now: ").append(b);
        shown++;
      }
    }
    if (differing > shown) {
      out.append("\n    and ").append(differing - shown).append(" more differing ").append(direction)
          .append(" statements");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------------

  /** The completely applied revisions (a non-transactional one that stopped part-way is not). */
  private static Set<String> appliedIds(List<History.Row> rows) {
    Set<String> ids = new LinkedHashSet<>();
    rows.stream().filter(History.Row::complete).forEach(r -> ids.add(r.id()));
    return ids;
  }

  /** Completely applied revisions that no other applied revision names as its parent. */
  private static List<String> heads(List<History.Row> rows) {
    Set<String> parents = new HashSet<>();
    List<History.Row> complete = rows.stream().filter(History.Row::complete).toList();
    complete.forEach(r -> parents.addAll(r.revision().parents()));
    return complete.stream().map(History.Row::id).filter(id -> !parents.contains(id)).sorted().toList();
  }

  private List<String> graphHeads(List<String> ids) {
    Set<String> parents = new HashSet<>();
    ids.forEach(id -> graph.get(id).ifPresent(r -> parents.addAll(r.parents())));
    return new TreeSet<>(ids.stream().filter(id -> !parents.contains(id)).toList()).stream().toList();
  }

  private static String at(List<String> current) {
    return current.isEmpty() ? " at base" : " at " + String.join(", ", current);
  }

  private static String plural(List<String> items) {
    return items.size() == 1 ? "" : "s";
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private AdvisoryLock lock() {
    return AdvisoryLock.acquire(dataSource, AdvisoryLock.key(historyTable), lockWait, logger);
  }

  private Connection connect() throws SQLException {
    Connection c = dataSource.getConnection();
    c.setAutoCommit(true);
    return c;
  }

  private interface ConnectionWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T withConnection(ConnectionWork<T> work) {
    try (Connection c = connect()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new MigrationException("cannot read Strata's history table " + historyTable + ": " + e.getMessage(),
          null, null, e.getSQLState(), e);
    }
  }

  // ---- configuration ------------------------------------------------------------------------------

  /**
   * A Migrator's configuration. Every setter checks its argument and names it in the error;
   * {@link #build()} finds the revisions and checks their graph.
   */
  public static final class Builder {
    private DataSource dataSource;
    private ClassLoader classLoader;
    private List<Class<? extends Migration>> revisions;
    private String historyTable = DEFAULT_HISTORY_TABLE;
    private String historySchema;
    private Duration lockTimeout = Duration.ofSeconds(5);
    private Duration statementTimeout;
    private Duration lockWait = Duration.ofMinutes(10);
    private System.Logger logger = System.getLogger(Migrator.class.getName());
    private final Set<String> acceptChanged = new TreeSet<>();
    private String baselineOnFirstRun;

    private Builder() {}

    ClassLoader effectiveClassLoader() {
      return classLoader != null ? classLoader
          : Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
          : Migrator.class.getClassLoader();
    }

    /**
     * On an upgrade that finds tables but no Strata history (a database created before Strata), first
     * {@linkplain Migrator#stamp(String) stamps} it at {@code revision} (checking that it matches),
     * then applies the revisions after it. An empty database is upgraded from base as usual.
     */
    public Builder baselineOnFirstRun(String revision) {
      this.baselineOnFirstRun = Objects.requireNonNull(revision, "baselineOnFirstRun");
      return this;
    }

    /** The database (required). Revisions and the history table use its connections' current schema. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** Where to find {@code META-INF/strata/revisions} and the revision classes; default: the thread's context class loader. */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /** Uses exactly these revision classes instead of the class-path index. */
    @SafeVarargs
    public final Builder revisions(Class<? extends Migration>... revisions) {
      Objects.requireNonNull(revisions, "revisions");
      List<Class<? extends Migration>> list = new ArrayList<>();
      for (Class<? extends Migration> type : revisions) {
        list.add(RevisionLoader.checked(Objects.requireNonNull(type, "revisions must not contain null"),
            "revisions(...)"));
      }
      this.revisions = List.copyOf(list);
      return this;
    }

    /** The history table's name; default {@code strata_history}. */
    public Builder historyTable(String name) {
      this.historyTable = identifier(name, "historyTable");
      return this;
    }

    /** The schema of the history table; default: the connection's current schema. Created if missing. */
    public Builder historySchema(String schema) {
      this.historySchema = identifier(schema, "historySchema");
      return this;
    }

    /**
     * How long a revision's statement may wait for a table lock before it fails (default 5 s), so
     * that a migration never queues behind a long transaction while every query queues behind it.
     */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = positive(timeout, "lockTimeout");
      return this;
    }

    /** The longest a revision's statement may run; default: no limit. */
    public Builder statementTimeout(Duration timeout) {
      this.statementTimeout = positive(timeout, "statementTimeout");
      return this;
    }

    /** How long to wait for another process's migration to finish (default 10 min). */
    public Builder lockWait(Duration wait) {
      Objects.requireNonNull(wait, "lockWait");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("lockWait must not be negative: " + wait);
      }
      this.lockWait = wait;
      return this;
    }

    /** Where to log (one line per revision and a summary); default: {@code System.getLogger("dev.strata.runtime.Migrator")}. */
    public Builder logger(System.Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * Accepts that these applied revisions were edited after being applied: their stored checksums
     * are replaced with the application's on the next upgrade or downgrade, instead of refusing.
     * Only for edits that do not change what the revision does to the database (or that were
     * applied by hand).
     */
    public Builder acceptChanged(String... revisionIds) {
      Objects.requireNonNull(revisionIds, "revisionIds");
      for (String id : revisionIds) {
        acceptChanged.add(Objects.requireNonNull(id, "revisionIds must not contain null"));
      }
      return this;
    }

    /**
     * Finds the revisions and checks their graph.
     *
     * @throws MigrationException when a revision cannot be loaded or the graph is not valid
     */
    public Migrator build() {
      if (dataSource == null) {
        throw new IllegalStateException("dataSource is required: call dataSource(...) before build()");
      }
      ClassLoader loader = effectiveClassLoader();
      List<Class<? extends Migration>> classes = revisions != null ? revisions : RevisionLoader.fromIndex(loader);
      RevisionGraph graph = RevisionGraph.of(RevisionLoader.load(classes));
      return new Migrator(this, graph);
    }

    private static String identifier(String value, String argument) {
      Objects.requireNonNull(value, argument);
      if (value.isBlank() || value.indexOf('\0') >= 0) {
        throw new IllegalArgumentException(argument + " must be a non-blank name without NUL characters: \""
            + value + "\"");
      }
      return value;
    }

    private static Duration positive(Duration value, String argument) {
      Objects.requireNonNull(value, argument);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(argument + " must be positive: " + value);
      }
      return value;
    }
  }

  @Override
  public String toString() {
    return "Migrator[" + graph.order().size() + " revisions, history table " + historyTable + "]";
  }
}
