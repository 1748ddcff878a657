package dev.strata.processor.internal.options;

import dev.strata.processor.internal.Diagnostics;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.SourceVersion;

/**
 * The pipeline's options, parsed and checked once per compile. Every bad value is reported as
 * {@link OptionCode#BAD_VALUE} naming the option, the value and what is allowed; parsing goes on so
 * that all bad options are reported in one compile.
 *
 * @param snapshot {@code strata.snapshot}: the snapshot file; empty for the default location
 * @param revisions {@code strata.revisions}: the source root revisions are written under; empty for
 *     the entities' source root
 * @param revisionPackage {@code strata.package}: the revisions' Java package; empty for the default
 * @param mode {@code strata.mode}
 * @param message {@code strata.message}: the next revision's message; empty to derive it
 * @param now {@code strata.now} (hidden, for tests): the instant the revision id is made from
 * @param seed {@code strata.seed} (hidden, for tests): seeds the id's random suffix
 * @param amend {@code strata.amend}: fold new changes into an uncommitted head revision
 * @param empty {@code strata.empty}: write an empty revision for hand-written steps
 * @param merge {@code strata.merge}: write a merge revision joining the heads
 * @param destructive {@code strata.destructive}: how destructive changes are reported
 * @param acknowledged {@code strata.acknowledge}: tables ({@code orders}, {@code sales.orders}) and
 *     columns ({@code orders.note}) whose destructive changes the developer accepts, so that
 *     {@code strata.destructive=error} reports them as warnings
 * @param concurrentIndexes {@code strata.concurrentIndexes}: create indexes on existing tables
 *     concurrently, in a separate non-transactional revision
 * @param safeConstraints {@code strata.safeConstraints}: add foreign keys and checks to existing
 *     tables {@code NOT VALID} and validate them, and set NOT NULL through a validated check, in a
 *     separate non-transactional revision
 */
public record StrataOptions(
    Optional<Path> snapshot,
    Optional<Path> revisions,
    Optional<String> revisionPackage,
    Mode mode,
    Optional<String> message,
    Optional<Instant> now,
    Optional<Long> seed,
    boolean amend,
    boolean empty,
    boolean merge,
    Destructive destructive,
    Set<String> acknowledged,
    boolean concurrentIndexes,
    boolean safeConstraints) {

  public static final String SNAPSHOT = "strata.snapshot";
  public static final String REVISIONS = "strata.revisions";
  public static final String PACKAGE = "strata.package";
  public static final String MODE = "strata.mode";
  public static final String MESSAGE = "strata.message";
  public static final String NOW = "strata.now";
  public static final String SEED = "strata.seed";
  public static final String AMEND = "strata.amend";
  public static final String EMPTY = "strata.empty";
  public static final String MERGE = "strata.merge";
  public static final String DESTRUCTIVE = "strata.destructive";
  public static final String CONCURRENT_INDEXES = "strata.concurrentIndexes";
  public static final String SAFE_CONSTRAINTS = "strata.safeConstraints";
  public static final String ACKNOWLEDGE = "strata.acknowledge";

  /** Every option this class reads, for {@code Processor.getSupportedOptions()}. */
  public static final Set<String> NAMES =
      Set.of(SNAPSHOT, REVISIONS, PACKAGE, MODE, MESSAGE, NOW, SEED, AMEND, EMPTY, MERGE, DESTRUCTIVE,
          CONCURRENT_INDEXES, SAFE_CONSTRAINTS, ACKNOWLEDGE);

  /** {@code strata.mode}. */
  public enum Mode {
    /** Write a revision and the snapshot when the entities changed (the default). */
    GENERATE,
    /** Fail the compile when the entities and the snapshot differ; write nothing. */
    CHECK,
    /** Do nothing at all. */
    OFF
  }

  /** {@code strata.destructive}. */
  public enum Destructive {
    /** A destructive change is a warning (the default). */
    WARN,
    /** A destructive change is an error; nothing is written. */
    ERROR
  }

  /** Parses {@code options}; bad values are reported to {@code diagnostics} and replaced by defaults. */
  public static StrataOptions parse(Map<String, String> options, Diagnostics diagnostics) {
    Parser p = new Parser(options, diagnostics);
    StrataOptions parsed = new StrataOptions(
        p.path(SNAPSHOT),
        p.path(REVISIONS),
        p.packageName(PACKAGE),
        p.choice(MODE, Mode.class, Mode.GENERATE),
        p.text(MESSAGE),
        p.instant(NOW),
        p.number(SEED),
        p.bool(AMEND),
        p.bool(EMPTY),
        p.bool(MERGE),
        p.choice(DESTRUCTIVE, Destructive.class, Destructive.WARN),
        p.list(ACKNOWLEDGE),
        p.bool(CONCURRENT_INDEXES),
        p.bool(SAFE_CONSTRAINTS));
    if (parsed.empty() && parsed.message().isEmpty()) {
      diagnostics.error(OptionCode.CONFLICT, "option " + EMPTY + "=true needs " + MESSAGE
          + " to say what the empty revision is for; add -A" + MESSAGE + "=\"...\"");
    }
    List<String> exclusive = List.of(
        parsed.amend() ? AMEND : "", parsed.empty() ? EMPTY : "", parsed.merge() ? MERGE : "");
    List<String> set = exclusive.stream().filter(s -> !s.isEmpty()).toList();
    if (set.size() > 1) {
      diagnostics.error(OptionCode.CONFLICT, "options " + String.join(" and ", set)
          + " cannot be used together; use one of them per compile");
    }
    return parsed;
  }

  /** Reads one option at a time, reporting bad values. */
  private static final class Parser {
    private final Map<String, String> options;
    private final Diagnostics diagnostics;

    Parser(Map<String, String> options, Diagnostics diagnostics) {
      this.options = options;
      this.diagnostics = diagnostics;
    }

    /** The value, or empty when the option is absent. javac hands {@code -Akey} over as a null value. */
    private Optional<String> raw(String name) {
      if (!options.containsKey(name)) {
        return Optional.empty();
      }
      return Optional.of(options.get(name) == null ? "" : options.get(name).trim());
    }

    private void bad(String name, String value, String allowed) {
      diagnostics.error(OptionCode.BAD_VALUE,
          "option " + name + " has the value '" + value + "'; allowed: " + allowed);
    }

    Optional<Path> path(String name) {
      Optional<String> value = raw(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      if (value.get().isEmpty()) {
        bad(name, "", "a file system path");
        return Optional.empty();
      }
      try {
        return Optional.of(Path.of(value.get()).toAbsolutePath().normalize());
      } catch (InvalidPathException e) {
        bad(name, value.get(), "a file system path (" + e.getReason() + ")");
        return Optional.empty();
      }
    }

    Optional<String> packageName(String name) {
      Optional<String> value = raw(name);
      if (value.isPresent() && !SourceVersion.isName(value.get())) {
        bad(name, value.get(), "a Java package name such as com.example.migrations");
        return Optional.empty();
      }
      return value;
    }

    /** A comma-separated list; blanks around the commas are ignored. */
    Set<String> list(String name) {
      Set<String> values = new TreeSet<>();
      raw(name).ifPresent(text -> {
        for (String item : text.split(",")) {
          if (item.isBlank()) {
            bad(name, text, "a comma-separated list of table or table.column names");
            return;
          }
          values.add(item.strip());
        }
      });
      return Set.copyOf(values);
    }

    Optional<String> text(String name) {
      Optional<String> value = raw(name);
      if (value.isPresent() && value.get().isEmpty()) {
        bad(name, "", "a non-empty text");
        return Optional.empty();
      }
      return value;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
      Optional<String> value = raw(name);
      if (value.isEmpty()) {
        return defaultValue;
      }
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equalsIgnoreCase(value.get())) {
          return constant;
        }
      }
      StringBuilder allowed = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        if (allowed.length() > 0) {
          allowed.append(", ");
        }
        allowed.append(constant.name().toLowerCase(java.util.Locale.ROOT));
      }
      bad(name, value.get(), allowed.toString());
      return defaultValue;
    }

    boolean bool(String name) {
      Optional<String> value = raw(name);
      if (value.isEmpty()) {
        return false;
      }
      // -Astrata.amend (no value) means true, like a command-line flag.
      switch (value.get()) {
        case "": case "true": return true;
        case "false": return false;
        default:
          bad(name, value.get(), "true, false");
          return false;
      }
    }

    Optional<Instant> instant(String name) {
      Optional<String> value = raw(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Instant.parse(value.get()));
      } catch (DateTimeParseException e) {
        bad(name, value.get(), "an ISO-8601 instant such as 2026-11-26T10:15:00Z");
        return Optional.empty();
      }
    }

    Optional<Long> number(String name) {
      Optional<String> value = raw(name);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Long.parseLong(value.get()));
      } catch (NumberFormatException e) {
        bad(name, value.get(), "a whole number");
        return Optional.empty();
      }
    }
  }
}
