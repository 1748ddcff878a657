package dev.strata.it.evolution;

import dev.strata.it.ProjectCompiler;
import dev.strata.it.evolution.RandomEvolution.Version;
import dev.strata.runtime.Migrator;
import dev.strata.runtime.Revision;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.schema.diff.Renames;
import dev.strata.schema.diff.SchemaDiff;
import dev.strata.snapshot.Snapshot;
import dev.strata.testing.CatalogDump;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import javax.tools.Diagnostic;

/**
 * One random evolution, end to end: each version of the entities is compiled with the processor
 * (the revisions it writes stay in the project, as in real life), its new revision is checked
 * against the snapshots and applied with {@link Migrator}, and the database must then equal the
 * snapshot. Afterwards the database is downgraded one revision at a time, through every state
 * recorded on the way up, to an empty database.
 *
 * <p>A failure is an {@link AssertionError} that carries the seed, every version's sources, the
 * processor's messages and the revisions written so far.
 */
final class SequenceRun {

  /** The time the first version is compiled at; each later version a minute later (revision ids sort). */
  private static final Instant EPOCH = Instant.parse("2030-01-01T00:00:00Z");

  private final long seed;
  private final CompileMode mode;
  private final Random modes;
  private final int versionCount;
  private final SharedCompiler compiler;
  private final DataSource db;
  private final ProjectCompiler project;
  private final StringBuilder log = new StringBuilder();
  private final Timings timings;

  /** What was applied after each revision: its id and the database's dump (the first is the empty database). */
  private record State(String revision, String dump, Schema schema) {}

  /** Where the time goes, summed over all runs: compiling, and everything done on the database. */
  static final class Timings {
    long compileNanos;
    long compileCpuNanos;
    long databaseNanos;
    long threadCpuNanos;
    int compiles;
    int revisions;

    synchronized void add(long compile, long compileCpu, long database, long threadCpu, int compileCount,
        int revisionCount) {
      compileNanos += compile;
      compileCpuNanos += compileCpu;
      databaseNanos += database;
      threadCpuNanos += threadCpu;
      compiles += compileCount;
      revisions += revisionCount;
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
      .getThreadMXBean();

  /** How each version after the first is compiled. */
  enum CompileMode {
    /** {@code mvn clean compile}: every source, revisions included. */
    CLEAN,
    /** An IDE's incremental build: the entities only, the revisions' classes from earlier compiles. */
    INCREMENTAL,
    /** Either, at random. */
    MIXED;

    boolean incremental(Random random) {
      return this == INCREMENTAL || this == MIXED && random.nextBoolean();
    }
  }

  SequenceRun(long seed, int versionCount, CompileMode mode, SharedCompiler compiler, DataSource db, Path dir,
      Timings timings) {
    this.seed = seed;
    this.mode = mode;
    this.modes = new Random(seed ^ 0x5DEECE66DL);
    this.versionCount = versionCount;
    this.compiler = compiler;
    this.db = db;
    this.project = new ProjectCompiler(dir);
    this.timings = timings;
  }

  void run() {
    List<Version> versions = new RandomEvolution(seed).versions(versionCount);
    long compileNanos = 0;
    long compileCpuNanos = 0;
    long start = System.nanoTime();
    long startCpu = THREADS.getCurrentThreadCpuTime();
    int revisionCount = 0;
    URLClassLoader loader = null;
    try {
      resetDatabase();
      List<State> states = new ArrayList<>();
      String emptyDump = CatalogDump.of(db);
      check(emptyDump.equals(CatalogDump.of(Schema.EMPTY)), "the database is empty before the first version:\n"
          + emptyDump);
      states.add(new State("base", emptyDump, Schema.EMPTY));
      List<String> knownRevisions = List.of();
      for (int v = 0; v < versions.size(); v++) {
        Version version = versions.get(v);
        log.append("\n==== version ").append(v + 1).append(" ====\n");
        version.sources().forEach((path, source) -> log.append("--- ").append(path).append('\n').append(source));
        writeSources(version.sources());
        long t0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        Map<String, String> options = Map.of(
            "strata.now", EPOCH.plusSeconds(60L * v).toString(),
            "strata.seed", Long.toString(seed * 31 + v));
        boolean incremental = v > 0 && mode.incremental(modes);
        log.append(incremental ? "(incremental compile: entities only)\n" : "(clean compile)\n");
        ProjectCompiler.Result result = incremental
            ? compiler.compileEntities(project, AppModel.PACKAGE, options)
            : compiler.compile(project, options);
        compileNanos += System.nanoTime() - t0;
        compileCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu0;
        for (Diagnostic<?> d : result.diagnostics()) {
          log.append("[").append(d.getKind()).append("] ").append(d.getMessage(java.util.Locale.ROOT)).append('\n');
        }
        check(result.success(), "version " + (v + 1) + " does not compile");
        Snapshot snapshot = Revisions.snapshot(project);
        List<String> revisions = Revisions.index(project);
        List<String> known = knownRevisions;
        List<String> added = revisions.stream().filter(r -> !known.contains(r)).toList();
        check(added.size() <= 1, "version " + (v + 1) + " wrote more than one revision: " + added);
        check(revisions.containsAll(knownRevisions), "revisions disappeared: " + knownRevisions + " -> " + revisions);
        knownRevisions = revisions;
        if (loader != null) {
          loader.close();
        }
        loader = project.classLoader();
        State previous = states.get(states.size() - 1);
        if (added.isEmpty()) {
          log.append("(no revision)\n");
          check(snapshot.schema().equals(previous.schema()), "version " + (v + 1)
              + " wrote no revision, but the snapshot's schema changed");
          check(expectedRenames(version, previous.schema(), snapshot.schema(), result).isEmpty(), "version "
              + (v + 1) + " declares renames " + version.renames() + " but wrote no revision");
          continue;
        }
        revisionCount++;
        Class<?> revisionClass = loader.loadClass(added.get(0));
        Revision revision = revisionClass.getAnnotation(Revision.class);
        log.append("--- revision ").append(revision.id()).append('\n')
            .append(Revisions.source(project, revisionClass.getName()));
        checkRevision(v, revisionClass, revision, previous, snapshot,
            expectedRenames(version, previous.schema(), snapshot.schema(), result));
        String dump = upgradeAndDump(loader);
        String expected = CatalogDump.of(snapshot.schema());
        check(dump.equals(expected), "after version " + (v + 1) + " the database differs from the snapshot\n"
            + difference(expected, dump));
        states.add(new State(revision.id(), dump, snapshot.schema()));
      }
      downgrade(states, loader);
    } catch (AssertionError e) {
      throw failure(e.getMessage(), e);
    } catch (Exception e) {
      throw failure(e.toString(), e);
    } finally {
      close(loader);
    }
    long total = System.nanoTime() - start;
    timings.add(compileNanos, compileCpuNanos, total - compileNanos, THREADS.getCurrentThreadCpuTime() - startCpu,
        versions.size(), revisionCount);
  }

  /** The new revision: parent, and its changes lead from the previous snapshot to the new one and back. */
  private void checkRevision(int v, Class<?> revisionClass, Revision revision, State previous, Snapshot snapshot,
      Set<Change> expectedRenames) {
    List<String> parents = List.of(revision.parent());
    check(previous.revision().equals("base") ? parents.isEmpty() : parents.equals(List.of(previous.revision())),
        "revision " + revision.id() + " has parents " + parents + ", expected " + previous.revision());
    check(snapshot.head().equals(java.util.Optional.of(revision.id())), "the snapshot's head is " + snapshot.head()
        + ", not the new revision " + revision.id());
    List<Change> up = Revisions.upgrade(revisionClass);
    List<Change> down = Revisions.downgrade(revisionClass);
    Schema after = Change.applyAll(previous.schema(), up);
    check(after.equals(snapshot.schema()), "version " + (v + 1) + ": the upgrade applied to the previous snapshot"
        + " is not the new snapshot\n" + difference(CatalogDump.of(snapshot.schema()), CatalogDump.of(after)));
    Schema before = Change.applyAll(snapshot.schema(), down);
    check(before.equals(previous.schema()), "version " + (v + 1) + ": the downgrade applied to the new snapshot is"
        + " not the previous snapshot\n" + difference(CatalogDump.of(previous.schema()), CatalogDump.of(before)));
    Set<Change> renames = netRenames(up);
    for (Change rename : expectedRenames) {
      check(renames.contains(rename), "version " + (v + 1) + " declares " + rename + " with @RenamedFrom, but the"
          + " revision does not rename it; its changes are " + up);
    }
  }

  /**
   * The renames the version declares that its revision must make: all, except swaps (cycles) that
   * the schemas cannot tell from swaps already made, which the processor must then have reported
   * (STRATA-521 for one already made, STRATA-524 for one that cannot be told).
   */
  private Set<Change> expectedRenames(Version version, Schema before, Schema after, ProjectCompiler.Result result) {
    Map<QualifiedName, QualifiedName> tables = new LinkedHashMap<>();
    Map<QualifiedName, Map<String, String>> columns = new LinkedHashMap<>();
    for (Change c : version.renames()) {
      if (c instanceof Change.RenameTable t) {
        tables.put(t.target(), t.from());
      } else if (c instanceof Change.RenameColumn r) {
        columns.computeIfAbsent(r.table(), k -> new LinkedHashMap<>()).put(r.to(), r.from());
      }
    }
    Renames declared = new Renames(tables, columns);
    Renames done = SchemaDiff.doneCycles(before, after, declared);
    Renames undecidable = SchemaDiff.undecidableCycles(before, after, declared);
    List<String> notes = result.messages(Diagnostic.Kind.NOTE);
    List<String> warnings = result.messages(Diagnostic.Kind.WARNING);
    Set<Change> out = new LinkedHashSet<>();
    for (Change c : version.renames()) {
      boolean isDone;
      boolean isUndecidable;
      String hint;
      if (c instanceof Change.RenameTable t) {
        isDone = done.tables().containsKey(t.target());
        isUndecidable = undecidable.tables().containsKey(t.target());
        hint = "@RenamedFrom(\"" + t.from().name() + "\") on the entity of table " + t.target();
      } else {
        Change.RenameColumn r = (Change.RenameColumn) c;
        isDone = done.columns().getOrDefault(r.table(), Map.of()).containsKey(r.to());
        isUndecidable = undecidable.columns().getOrDefault(r.table(), Map.of()).containsKey(r.to());
        hint = "@RenamedFrom(\"" + r.from() + "\") on the field of column " + r.table() + "." + r.to();
      }
      if (isDone) {
        check(notes.stream().anyMatch(n -> n.contains("STRATA-521") && n.contains(hint)), "no STRATA-521 note for "
            + hint + ", which the processor found already made");
      } else if (isUndecidable) {
        check(warnings.stream().anyMatch(w -> w.contains("STRATA-524") && w.contains(hint)), "no STRATA-524 warning"
            + " for " + hint + ", which the processor cannot tell from a swap already made");
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * What the renames among {@code changes} amount to, each from the first name to the last: a swap
   * goes through a temporary name, {@code a -> tmp, b -> a, tmp -> b}, which amounts to
   * {@code a -> b, b -> a}. Column renames are keyed by the table's name when they are made (tables
   * are renamed first).
   */
  static Set<Change> netRenames(List<Change> changes) {
    Map<QualifiedName, QualifiedName> tables = new LinkedHashMap<>();
    Map<QualifiedName, Map<String, String>> columns = new LinkedHashMap<>();
    for (Change c : changes) {
      if (c instanceof Change.RenameTable t) {
        QualifiedName original = tables.containsKey(t.from()) ? tables.remove(t.from()) : t.from();
        tables.put(t.target(), original);
      } else if (c instanceof Change.RenameColumn r) {
        Map<String, String> names = columns.computeIfAbsent(r.table(), k -> new LinkedHashMap<>());
        String original = names.containsKey(r.from()) ? names.remove(r.from()) : r.from();
        names.put(r.to(), original);
      }
    }
    Set<Change> out = new LinkedHashSet<>();
    tables.forEach((now, original) -> {
      if (!now.equals(original)) {
        out.add(new Change.RenameTable(original, now.name()));
      }
    });
    columns.forEach((table, names) -> names.forEach((now, original) -> {
      if (!now.equals(original)) {
        out.add(new Change.RenameColumn(table, original, now));
      }
    }));
    return out;
  }

  private String upgradeAndDump(ClassLoader loader) {
    migrator(loader).upgrade();
    return CatalogDump.of(db);
  }

  /**
   * Steps down one revision at a time, by {@code -1} or by the earlier revision's id (chosen at
   * random), checking every state recorded on the way up.
   */
  private void downgrade(List<State> states, ClassLoader loader) {
    Random random = new Random(seed);
    Migrator migrator = migrator(loader);
    for (int i = states.size() - 1; i > 0; i--) {
      State target = states.get(i - 1);
      String how = random.nextBoolean() ? "-1" : target.revision();
      migrator.downgrade(how);
      String dump = CatalogDump.of(db);
      check(dump.equals(target.dump()), "downgrading (" + how + ") from " + states.get(i).revision() + " to "
          + target.revision() + " does not restore the database as it was\n" + difference(target.dump(), dump));
      List<String> current = migrator.current();
      check(current.equals(i == 1 ? List.of() : List.of(target.revision())), "after downgrading to "
          + target.revision() + " the database is at " + current);
    }
    check(CatalogDump.of(db).equals(CatalogDump.of(Schema.EMPTY)), "the database is not empty at base");
  }

  private Migrator migrator(ClassLoader loader) {
    return Migrator.configure().dataSource(db).classLoader(loader).logger(Quiet.LOGGER).build();
  }

  /** Drops every schema of a database used before (a failed run may leave anything) and recreates {@code public}. */
  private void resetDatabase() throws SQLException {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      List<String> schemas = new ArrayList<>();
      try (var rs = st.executeQuery("select nspname from pg_namespace where nspname not like 'pg\\_%'"
          + " and nspname <> 'information_schema'")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      for (String schema : schemas) {
        st.execute("drop schema \"" + schema + "\" cascade");
      }
      st.execute("create schema public");
    }
  }

  /** The entity sources of this version replace the previous version's; revisions stay. */
  private void writeSources(Map<String, String> sources) throws IOException {
    Path app = project.sources().resolve(AppModel.PACKAGE);
    if (Files.isDirectory(app)) {
      try (Stream<Path> files = Files.list(app)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.delete(f);
        }
      }
    }
    sources.forEach(project::write);
  }

  /** The lines only in one of two dumps. */
  static String difference(String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    StringBuilder out = new StringBuilder();
    want.stream().filter(l -> !got.contains(l)).forEach(l -> out.append("  expected: ").append(l).append('\n'));
    got.stream().filter(l -> !want.contains(l)).forEach(l -> out.append("  actual:   ").append(l).append('\n'));
    return out.length() == 0 ? "  (same lines, different order)\n" : out.toString();
  }

  private static void close(URLClassLoader loader) {
    try {
      if (loader != null) {
        loader.close();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError(message);
    }
  }

  private AssertionError failure(String message, Throwable cause) {
    AssertionError e = new AssertionError("evolution with seed " + seed + " failed: " + message
        + "\nreplay: mvn -B test -pl integration-tests -Dtest=EvolutionTest -Dstrata.evolution.seed=" + seed
        + "\n" + log, cause);
    return e;
  }

  /** Sequence runs make thousands of migrations: the Migrator's INFO lines would drown the test output. */
  private enum Quiet implements System.Logger {
    LOGGER;

    @Override public String getName() {
      return "strata-evolution";
    }

    @Override public boolean isLoggable(Level level) {
      return level.getSeverity() >= Level.WARNING.getSeverity();
    }

    @Override public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
      if (isLoggable(level)) {
        System.err.println(level + " " + msg);
      }
    }

    @Override public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
      if (isLoggable(level)) {
        System.err.println(level + " " + java.text.MessageFormat.format(format, params));
      }
    }
  }
}
