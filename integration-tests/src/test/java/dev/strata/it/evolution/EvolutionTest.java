package dev.strata.it.evolution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Issue 4's generated evolution test: random sequences of entity models, each version compiled with
 * Strata's processor and applied to PostgreSQL, the database compared with the snapshot after every
 * step and on the way back down to an empty database (see {@link SequenceRun}).
 *
 * <p>System properties:
 * <ul>
 *   <li>{@code strata.evolution.sequences}: how many sequences (default 200, or 1 when a seed is given);
 *   <li>{@code strata.evolution.seed}: the first sequence's seed (the others take the next numbers);
 *       a failure prints the seed that replays it;
 *   <li>{@code strata.evolution.versions}: versions per sequence (default 5);
 *   <li>{@code strata.evolution.compile}: {@code clean} (every version a clean build of all sources),
 *       {@code incremental} (after the first, only the entities are compiled, against the classes of
 *       the earlier compiles) or {@code mixed} (default: either, chosen by the seed);
 *   <li>{@code strata.evolution.threads}: sequences run at once, each with its own compiler and
 *       database (default 2: the compiles use one core, PostgreSQL the other).
 * </ul>
 */
class EvolutionTest {

  /** The default seeds are fixed, so that the build is reproducible; larger runs explore further. */
  private static final long DEFAULT_SEED = 4_000_000L;

  @TempDir Path dir;

  @Test
  void randomModelsEvolveOnPostgresAndDowngradeToEmpty() throws Exception {
    Long givenSeed = Long.getLong("strata.evolution.seed");
    int sequences = Integer.getInteger("strata.evolution.sequences", givenSeed == null ? 200 : 1);
    int versions = Integer.getInteger("strata.evolution.versions", 5);
    int threads = Math.max(1, Math.min(sequences, Integer.getInteger("strata.evolution.threads", 2)));
    long firstSeed = givenSeed == null ? DEFAULT_SEED : givenSeed;
    SequenceRun.CompileMode mode = SequenceRun.CompileMode.valueOf(
        System.getProperty("strata.evolution.compile", "mixed").toUpperCase(java.util.Locale.ROOT));
    int maxReported = Integer.getInteger("strata.evolution.maxFailures", 3);

    long start = System.nanoTime();
    long processCpuAtStart = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
    java.util.concurrent.atomic.AtomicLong serverPid = new java.util.concurrent.atomic.AtomicLong();
    AtomicInteger nextSequence = new AtomicInteger();
    List<AssertionError> failures = Collections.synchronizedList(new ArrayList<>());
    SequenceRun.Timings timings = new SequenceRun.Timings();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int worker = w;
        workers.add(pool.submit(() -> {
          PGSimpleDataSource db = TestDatabase.createDatabase();
          serverPid.compareAndSet(0, postmasterPid(db));
          try (SharedCompiler compiler = new SharedCompiler(); ConnectionPool connections = new ConnectionPool(db)) {
            for (int i = nextSequence.getAndIncrement(); i < sequences && failures.size() < maxReported;
                i = nextSequence.getAndIncrement()) {
              Path projectDir = dir.resolve("w" + worker + "-s" + i);
              try {
                new SequenceRun(firstSeed + i, versions, mode, compiler, connections, projectDir, timings).run();
                SharedCompiler.deleteTree(projectDir);
              } catch (AssertionError e) {
                failures.add(e);
              }
            }
          } finally {
            TestDatabase.dropDatabase(db);
          }
          return null;
        }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    long processCpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() - processCpuAtStart;
    System.out.printf("evolution: %d sequences of %d versions (%d revisions) on %d threads in %d s;"
            + " compiling %d s (%d s CPU), database and checks %d s, worker threads' CPU %d s (summed over"
            + " threads); this JVM's CPU %d s%n",
        sequences, versions, timings.revisions, threads, seconds, timings.compileNanos / 1_000_000_000L,
        timings.compileCpuNanos / 1_000_000_000L, timings.databaseNanos / 1_000_000_000L,
        timings.threadCpuNanos / 1_000_000_000L, processCpu / 1_000_000_000L);
    System.out.println("evolution: PostgreSQL server CPU so far " + serverCpuSeconds(serverPid.get()) + " s");
    if (!failures.isEmpty()) {
      AssertionError first = failures.get(0);
      for (AssertionError other : failures.subList(1, failures.size())) {
        first.addSuppressed(other);
      }
      throw first;
    }
    assertEquals(sequences * versions, timings.compiles, "every version of every sequence was compiled");
  }

  /** The PostgreSQL server process (the parent of this session's backend), or 0 when not on Linux. */
  private static long postmasterPid(javax.sql.DataSource db) {
    try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("select pg_backend_pid()")) {
      rs.next();
      String stat = java.nio.file.Files.readString(Path.of("/proc/" + rs.getInt(1) + "/stat"));
      return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    } catch (Exception e) {
      return 0;
    }
  }

  /** CPU of the server and its finished backends (utime, stime, cutime, cstime), in seconds. */
  private static String serverCpuSeconds(long pid) {
    try {
      String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return Long.toString(ticks / 100);
    } catch (Exception e) {
      return "unknown";
    }
  }
}
