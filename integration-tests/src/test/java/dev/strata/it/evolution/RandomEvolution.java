package dev.strata.it.evolution;

import dev.strata.it.evolution.AppModel.Attr;
import dev.strata.it.evolution.AppModel.Basic;
import dev.strata.it.evolution.AppModel.Entity;
import dev.strata.it.evolution.AppModel.Enumerated;
import dev.strata.it.evolution.AppModel.Generation;
import dev.strata.it.evolution.AppModel.IdType;
import dev.strata.it.evolution.AppModel.Idx;
import dev.strata.it.evolution.AppModel.Ref;
import dev.strata.it.evolution.AppModel.Relation;
import dev.strata.it.evolution.AppModel.Unique;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.change.Change;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Random versions of an application's entities, each a plausible edit of the one before: entities
 * added, dropped and renamed, attributes added, dropped, renamed and retyped, nullability, unique
 * flags, defaults, comments, enum constants, relations, table constraints, indexes and identifier
 * generation changed. Renames are declared with {@code @RenamedFrom}; a declaration stays in the
 * source for a while after its rename (as developers leave them), which must do no harm.
 *
 * <p>The same seed gives the same versions.
 */
final class RandomEvolution {

  private static final List<String> TABLE_WORDS = List.of(
      "customer", "invoice", "product", "shipment", "account", "ledger", "review", "ticket", "parcel", "member");
  private static final List<String> COLUMN_WORDS = List.of(
      "amount", "title", "note", "code", "label", "rank", "score", "started", "email", "flag", "weight", "size");
  private static final List<String> CONSTANTS = List.of("RED", "GREEN", "BLUE", "AMBER", "VIOLET", "GREY");
  private static final List<String> SCHEMAS = List.of("sales", "archive");
  /** The types that get a {@code >= 0} check now and then. */
  private static final Set<String> NUMBERS = Set.of("Short", "Integer", "Long", "int", "long", "java.math.BigDecimal");

  private final Random random;
  private int counter;
  /** Tables and columns created in the version being made: they have no old name to be renamed from. */
  private final Set<Object> fresh = new HashSet<>();
  /** Tables and columns renamed in the version being made: renamed once per version at most. */
  private final Set<Object> renamed = new HashSet<>();

  RandomEvolution(long seed) {
    // java.util.Random's first numbers are alike for nearby seeds: scramble them (SplitMix64's finaliser).
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    random = new Random(z ^ (z >>> 31));
  }

  /**
   * One version: its entities' sources, and the renames its revision must contain (those declared
   * in this version, not the ones left over from earlier versions).
   */
  record Version(AppModel model, Map<String, String> sources, Set<Change> renames) {}

  /** {@code count} versions, the first made from nothing. */
  List<Version> versions(int count) {
    List<Version> out = new ArrayList<>();
    AppModel model = new AppModel();
    startVersion();
    int entities = 1 + random.nextInt(3);
    for (int i = 0; i < entities; i++) {
      addEntity(model);
    }
    out.add(version(model));
    while (out.size() < count) {
      model = next(model);
      out.add(version(model));
    }
    return out;
  }

  private Version version(AppModel model) {
    Set<Change> renames = new LinkedHashSet<>();
    for (Entity e : model.entities) {
      QualifiedName table = new QualifiedName(e.schema, e.physicalTable());
      if (renamed.contains(e)) {
        renames.add(new Change.RenameTable(table.withName(e.renamedFrom.orElseThrow()), table.name()));
      }
      for (Attr a : e.attrs) {
        if (renamed.contains(a)) {
          renames.add(new Change.RenameColumn(table, a.renamedFrom.orElseThrow(), a.physicalColumn()));
        }
      }
    }
    return new Version(model, model.sources(), renames);
  }

  private void startVersion() {
    fresh.clear();
    renamed.clear();
  }

  private AppModel next(AppModel previous) {
    AppModel model = previous.copy();
    startVersion();
    // Developers remove @RenamedFrom sooner or later; until then it must be harmless, after a swap too.
    for (Entity e : model.entities) {
      if (e.renamedFrom.isPresent() && random.nextInt(10) < 6) {
        e.renamedFrom = Optional.empty();
      }
      for (Attr a : e.attrs) {
        if (a.renamedFrom.isPresent() && random.nextInt(10) < 6) {
          a.renamedFrom = Optional.empty();
        }
        // @AcceptDataLoss goes sooner or later too; until then it must be harmless.
        if (a.acceptLoss && random.nextInt(10) < 6) {
          a.acceptLoss = false;
        }
      }
    }
    int edits = 1 + random.nextInt(4);
    List<BooleanSupplier> kinds = List.of(
        () -> addEntity(model), () -> dropEntity(model), () -> renameTable(model), () -> renameClass(model),
        () -> addAttr(model), () -> addAttr(model), () -> dropAttr(model), () -> renameAttr(model),
        () -> renameAttr(model), () -> swapAttrs(model), () -> swapTables(model), () -> changeType(model), () -> changeType(model), () -> toggleNullable(model),
        () -> toggleUnique(model), () -> changeDefault(model), () -> changeComment(model), () -> changeEnum(model),
        () -> addUnique(model), () -> dropUnique(model), () -> addIndex(model), () -> dropIndex(model),
        () -> changeGeneration(model), () -> changeRef(model), () -> changeRef(model), () -> changeIdType(model),
        () -> toggleCheck(model));
    int done = 0;
    for (int attempt = 0; done < edits && attempt < 100; attempt++) {
      if (pick(kinds).getAsBoolean()) {
        done++;
      }
    }
    return model;
  }

  // ---- entities -----------------------------------------------------------------------------------

  private boolean addEntity(AppModel model) {
    if (model.entities.size() >= 5) {
      return false;
    }
    Entity e = new Entity();
    String word = pick(TABLE_WORDS) + next();
    e.className = Character.toUpperCase(word.charAt(0)) + word.substring(1);
    if (chance(40)) {
      e.table = Optional.of(pick(TABLE_WORDS) + "_" + next());
    }
    if (chance(15)) {
      e.schema = Optional.of(pick(SCHEMAS));
    }
    e.idType = pickWeighted(IdType.values(), 5, 3, 1, 1);
    if (e.idType.numeric()) {
      setGeneration(e, pickWeighted(Generation.values(), 3, 3, 1, 2));
    }
    if (chance(20)) {
      e.comment = Optional.of(comment());
    }
    fresh.add(e);
    model.entities.add(e);
    int attrs = 1 + random.nextInt(4);
    for (int i = 0; i < attrs; i++) {
      addAttr(model, e);
    }
    if (chance(20)) {
      addUnique(e);
    }
    if (chance(20)) {
      addIndex(e);
    }
    return true;
  }

  private void setGeneration(Entity e, Generation generation) {
    e.generation = generation;
    if (generation == Generation.SEQUENCE) {
      e.sequenceName = "seq_" + next();
      e.allocationSize = pick(List.of(1, 20, 50));
      e.initialValue = pick(List.of(1, 100));
    }
  }

  private boolean dropEntity(AppModel model) {
    if (model.entities.size() < 2) {
      // Without any entity the processor does nothing at all, so keep one.
      return false;
    }
    Entity gone = pick(model.entities);
    model.entities.remove(gone);
    for (Entity e : model.entities) {
      for (Attr a : List.copyOf(e.attrs)) {
        if (a.type instanceof Ref ref && ref.target().equals(gone.className)) {
          removeAttr(e, a);
        }
      }
    }
    return true;
  }

  private boolean renameTable(AppModel model) {
    Entity e = pick(model.entities);
    if (fresh.contains(e) || !renamed.add(e)) {
      return false;
    }
    String old = e.physicalTable();
    if (e.table.isEmpty() && chance(50)) {
      renameClassTo(model, e, newClassName());
    } else {
      e.table = Optional.of(pick(TABLE_WORDS) + "_" + next());
    }
    e.renamedFrom = Optional.of(old);
    return true;
  }

  /** A class rename that keeps the table (its name is explicit): the schema does not change. */
  private boolean renameClass(AppModel model) {
    Entity e = pick(model.entities);
    if (e.table.isEmpty() || fresh.contains(e)) {
      return false;
    }
    renameClassTo(model, e, newClassName());
    return true;
  }

  private String newClassName() {
    String word = pick(TABLE_WORDS) + next();
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static void renameClassTo(AppModel model, Entity e, String name) {
    String old = e.className;
    e.className = name;
    for (Entity other : model.entities) {
      for (Attr a : other.attrs) {
        if (a.type instanceof Ref ref && ref.target().equals(old)) {
          a.type = ref.withTarget(name);
        }
      }
    }
  }

  // ---- attributes ---------------------------------------------------------------------------------

  private boolean addAttr(AppModel model) {
    Entity e = pick(model.entities);
    if (e.attrs.size() >= 7) {
      return false;
    }
    addAttr(model, e);
    return true;
  }

  private void addAttr(AppModel model, Entity e) {
    Attr a = new Attr();
    a.field = pick(COLUMN_WORDS) + next();
    if (chance(25)) {
      a.column = Optional.of(pick(COLUMN_WORDS) + "_" + next());
    }
    int kind = random.nextInt(10);
    if (kind < 2) {
      Entity target = pick(model.entities);
      int relation = random.nextInt(10);
      a.type = relation < 6 ? new Ref(target.className, chance(30), Relation.MANY_TO_ONE, "")
          : relation < 8 ? new Ref(target.className, chance(30), Relation.ONE_TO_ONE, "")
          : new Ref(target.className, false, Relation.MANY_TO_MANY, "jt_" + next());
      a.nullable = ((Ref) a.type).hasColumn() && chance(60);
    } else if (kind < 3) {
      a.type = new Enumerated("Kind" + next(), new ArrayList<>(CONSTANTS.subList(0, 2 + random.nextInt(3))),
          chance(50));
      a.nullable = chance(70);
    } else {
      Basic b = randomBasic();
      a.type = b;
      a.nullable = !b.primitive() && chance(70);
      if (chance(20)) {
        a.defaultValue = defaultFor(b);
      }
      a.unique = !b.primitive() && chance(10) && uniqueColumnsFree(e, List.of(a.physicalColumn()));
      if (NUMBERS.contains(b.java()) && chance(15)) {
        a.check = Optional.of(a.physicalColumn() + " >= 0");
      }
    }
    if (chance(10)) {
      a.comment = Optional.of(comment());
    }
    fresh.add(a);
    e.attrs.add(a);
  }

  private Basic randomBasic() {
    switch (random.nextInt(17)) {
      case 0: case 1: case 2:
        return new Basic("String", pick(List.of(0, 20, 40, 100, 1000)), 0, 0, Optional.empty());
      case 3:
        return new Basic("String", 0, 0, 0, Optional.of("text"));
      case 4:
        return Basic.of(pick(List.of("Short", "Integer", "Long")));
      case 5:
        return Basic.of(pick(List.of("int", "long", "boolean")));
      case 6:
        return Basic.of("Integer");
      case 7:
        return Basic.of("Long");
      case 8:
        return chance(30) ? Basic.of("java.math.BigDecimal") : decimal(pick(List.of(10, 12, 19)), pick(List.of(0, 2, 4)));
      case 9:
        return Basic.of(pick(List.of("Double", "Float")));
      case 10:
        return Basic.of("Boolean");
      case 11:
        return Basic.of("java.time.LocalDate");
      case 12:
        return Basic.of("java.time.LocalDateTime");
      case 13:
        return Basic.of("java.time.Instant");
      case 14:
        return Basic.of("java.time.LocalTime");
      case 15:
        return Basic.of("java.util.UUID");
      default:
        return Basic.of("byte[]");
    }
  }

  private static Basic decimal(int precision, int scale) {
    return new Basic("java.math.BigDecimal", 0, precision, scale, Optional.empty());
  }

  /** A default PostgreSQL accepts for the type, or none for types without a natural one. */
  private Optional<String> defaultFor(Basic b) {
    return switch (b.java()) {
      case "String" -> Optional.of(pick(List.of("'n/a'", "'it''s'", "''")));
      case "Short", "Integer", "Long", "int", "long" -> Optional.of(pick(List.of("0", "42", "-1")));
      case "java.math.BigDecimal" -> Optional.of(pick(List.of("0", "1.5")));
      case "Double", "Float" -> Optional.of(pick(List.of("0", "2.5")));
      case "Boolean", "boolean" -> Optional.of(pick(List.of("true", "false")));
      case "java.time.LocalDate" -> Optional.of("current_date");
      case "java.time.LocalDateTime", "java.time.Instant" -> Optional.of(pick(List.of("now()", "current_timestamp")));
      case "java.util.UUID" -> Optional.of("gen_random_uuid()");
      default -> Optional.empty();
    };
  }

  private boolean dropAttr(AppModel model) {
    Entity e = pick(model.entities);
    if (e.attrs.isEmpty()) {
      return false;
    }
    removeAttr(e, pick(e.attrs));
    return true;
  }

  /** Removes an attribute and the table constraints and indexes that name its column. */
  private static void removeAttr(Entity e, Attr a) {
    String column = a.physicalColumn();
    e.attrs.remove(a);
    e.uniques.removeIf(u -> u.columns().contains(column));
    e.indexes.removeIf(i -> i.columns().contains(column));
  }

  private boolean renameAttr(AppModel model) {
    Entity e = pick(model.entities);
    if (e.attrs.isEmpty()) {
      return false;
    }
    Attr a = pick(e.attrs);
    if (fresh.contains(a) || !renamed.add(a)) {
      return false;
    }
    String old = a.physicalColumn();
    if (a.column.isPresent() || chance(30)) {
      a.column = Optional.of(pick(COLUMN_WORDS) + "_" + next());
    } else {
      a.field = pick(COLUMN_WORDS) + next();
    }
    String now = a.physicalColumn();
    replaceColumn(e, old, now);
    a.check = a.check.map(c -> now + " >= 0");
    if (a.hasColumn()) {
      a.renamedFrom = Optional.of(old);
    } else {
      // A many-to-many attribute has no column to rename (@RenamedFrom there is an error); its join
      // table's columns are dropped and added, like any other drop and add.
      renamed.remove(a);
    }
    return true;
  }

  /**
   * Two columns of a table exchange their names (both with {@code @RenamedFrom}), which the diff
   * makes through a temporary name; unless the columns look the same (or the version's other edits
   * make them look as if swapped already), when nothing tells the swap from one already made and the
   * processor does not make it (STRATA-524; see {@code SequenceRun.expectedRenames}).
   */
  private boolean swapAttrs(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> candidates = e.attrs.stream()
        .filter(a -> !(a.type instanceof Ref) && !fresh.contains(a) && !renamed.contains(a)).toList();
    if (candidates.size() < 2) {
      return false;
    }
    Attr a = pick(candidates);
    Attr b = pick(candidates.stream().filter(x -> x != a).toList());
    String nameA = a.physicalColumn();
    String nameB = b.physicalColumn();
    a.column = Optional.of(nameB);
    b.column = Optional.of(nameA);
    replaceColumn(e, nameA, "\u0000");
    replaceColumn(e, nameB, nameA);
    replaceColumn(e, "\u0000", nameB);
    a.check = a.check.map(c -> nameB + " >= 0");
    b.check = b.check.map(c -> nameA + " >= 0");
    a.renamedFrom = Optional.of(nameA);
    b.renamedFrom = Optional.of(nameB);
    renamed.add(a);
    renamed.add(b);
    return true;
  }

  /** Two tables of one schema exchange their names (both with {@code @RenamedFrom}). */
  private boolean swapTables(AppModel model) {
    List<Entity> candidates = model.entities.stream()
        .filter(e -> e.table.isPresent() && !fresh.contains(e) && !renamed.contains(e)).toList();
    if (candidates.size() < 2) {
      return false;
    }
    Entity a = pick(candidates);
    List<Entity> partners = candidates.stream().filter(x -> x != a && x.schema.equals(a.schema)).toList();
    if (partners.isEmpty()) {
      return false;
    }
    Entity b = pick(partners);
    String nameA = a.physicalTable();
    String nameB = b.physicalTable();
    a.table = Optional.of(nameB);
    b.table = Optional.of(nameA);
    a.renamedFrom = Optional.of(nameA);
    b.renamedFrom = Optional.of(nameB);
    renamed.add(a);
    renamed.add(b);
    return true;
  }

  /** What a developer edits in {@code @Table} when a column is renamed. */
  private static void replaceColumn(Entity e, String old, String now) {
    e.uniques.replaceAll(u -> new Unique(u.name(), u.columns().stream().map(c -> c.equals(old) ? now : c).toList()));
    e.indexes.replaceAll(i -> new Idx(i.name(), i.columns().stream().map(c -> c.equals(old) ? now : c).toList(),
        i.descending().stream().map(c -> c.equals(old) ? now : c).toList(), i.unique()));
  }

  private boolean changeType(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> basics = e.attrs.stream().filter(a -> a.type instanceof Basic).toList();
    if (basics.isEmpty()) {
      return false;
    }
    Attr a = pick(basics);
    Basic b = (Basic) a.type;
    Basic to;
    boolean keepsDefault = true;
    switch (b.java()) {
      case "String" -> {
        int choice = random.nextInt(4);
        if (choice == 0 && b.definition().isEmpty()) {
          to = new Basic("String", 0, 0, 0, Optional.of("text"));
        } else if (choice == 1) {
          to = Basic.of("Integer");
          keepsDefault = false;
        } else {
          int length = pick(List.of(0, 20, 40, 100, 1000));
          to = new Basic("String", length == b.length() && b.definition().isEmpty() ? length + 10 : length, 0, 0,
              Optional.empty());
        }
      }
      case "Short", "Integer", "Long" -> {
        if (chance(25)) {
          to = new Basic("String", pick(List.of(0, 40)), 0, 0, Optional.empty());
          keepsDefault = false;
        } else {
          to = Basic.of(pick(List.of("Short", "Integer", "Long").stream().filter(t -> !t.equals(b.java())).toList()));
        }
      }
      case "int" -> to = Basic.of("long");
      case "long" -> to = Basic.of("int");
      case "java.math.BigDecimal" -> {
        int precision = pick(List.of(10, 12, 19, 38));
        int scale = pick(List.of(0, 2, 4));
        to = precision == b.precision() && scale == b.scale() ? decimal(precision + 1, scale) : decimal(precision, scale);
      }
      case "Double" -> to = Basic.of("Float");
      case "Float" -> to = Basic.of("Double");
      case "java.time.LocalDateTime" -> to = Basic.of("java.time.Instant");
      case "java.time.Instant" -> to = Basic.of("java.time.LocalDateTime");
      case "java.time.LocalDate" -> {
        to = Basic.of("java.time.LocalDateTime");
        keepsDefault = false;
      }
      default -> {
        return false;
      }
    }
    a.type = to;
    if (!NUMBERS.contains(to.java())) {
      a.check = Optional.empty();
    }
    if (!keepsDefault) {
      a.defaultValue = Optional.empty();
    }
    if (a.unique && to.primitive()) {
      a.unique = false;
    }
    return true;
  }

  private boolean toggleNullable(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> candidates = e.attrs.stream()
        .filter(a -> !(a.type instanceof Basic b && b.primitive()) && a.hasColumn())
        .toList();
    if (candidates.isEmpty()) {
      return false;
    }
    Attr a = pick(candidates);
    a.nullable = !a.nullable;
    return true;
  }

  private boolean toggleUnique(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> basics = e.attrs.stream().filter(a -> a.type instanceof Basic b && !b.primitive()).toList();
    if (basics.isEmpty()) {
      return false;
    }
    Attr a = pick(basics);
    if (!a.unique && !uniqueColumnsFree(e, List.of(a.physicalColumn()))) {
      return false;
    }
    a.unique = !a.unique;
    return true;
  }

  private boolean changeDefault(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> basics = e.attrs.stream().filter(a -> a.type instanceof Basic).toList();
    if (basics.isEmpty()) {
      return false;
    }
    Attr a = pick(basics);
    Optional<String> next = a.defaultValue.isPresent() && chance(50) ? Optional.empty() : defaultFor((Basic) a.type);
    if (next.equals(a.defaultValue)) {
      return false;
    }
    a.defaultValue = next;
    return true;
  }

  private boolean changeComment(AppModel model) {
    Entity e = pick(model.entities);
    if (e.attrs.isEmpty() || chance(40)) {
      e.comment = e.comment.isPresent() && chance(50) ? Optional.empty() : Optional.of(comment());
    } else {
      Attr a = pick(e.attrs);
      a.comment = a.comment.isPresent() && chance(50) ? Optional.empty() : Optional.of(comment());
    }
    return true;
  }

  private String comment() {
    return pick(List.of("kept for audits", "O'Brien's column", "see ticket " + next(), "100% \"quoted\""));
  }

  private boolean changeEnum(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> enums = e.attrs.stream().filter(a -> a.type instanceof Enumerated).toList();
    if (enums.isEmpty()) {
      return false;
    }
    Attr a = pick(enums);
    Enumerated en = (Enumerated) a.type;
    List<String> constants = new ArrayList<>(en.constants());
    int choice = random.nextInt(3);
    if (choice == 0 && constants.size() < CONSTANTS.size()) {
      constants.add(CONSTANTS.get(constants.size()));
    } else if (choice == 1 && constants.size() > 1) {
      constants.remove(constants.size() - 1);
    } else {
      a.type = new Enumerated(en.name(), constants, !en.string());
      return true;
    }
    a.type = new Enumerated(en.name(), constants, en.string());
    return true;
  }

  private boolean changeRef(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> refs = e.attrs.stream().filter(a -> a.type instanceof Ref).toList();
    if (refs.isEmpty()) {
      return false;
    }
    Attr a = pick(refs);
    Ref ref = (Ref) a.type;
    int choice = random.nextInt(3);
    if (choice == 0 && ref.hasColumn()) {
      a.type = new Ref(ref.target(), !ref.cascade(), ref.kind(), ref.joinTable());
    } else if (choice == 1 && ref.hasColumn()) {
      if (ref.kind() == Relation.MANY_TO_ONE && !uniqueColumnsFree(e, List.of(a.physicalColumn()))) {
        return false;
      }
      a.type = new Ref(ref.target(), ref.cascade(),
          ref.kind() == Relation.MANY_TO_ONE ? Relation.ONE_TO_ONE : Relation.MANY_TO_ONE, ref.joinTable());
    } else {
      IdType from = model.entity(ref.target()).orElseThrow().idType;
      Entity target = pick(model.entities);
      // PostgreSQL has no cast between integers and uuid, so the join column cannot be altered; the
      // compile refuses it (STRATA-505, see DataLossTest and UncastableTypeChangeTest) until the
      // developer accepts losing its values, and then the revision drops and adds the column.
      if (from.numeric() && target.idType == IdType.UUID || from == IdType.UUID && target.idType.numeric()) {
        a.acceptLoss = true;
      }
      a.type = ref.withTarget(target.className);
    }
    return true;
  }

  // ---- table constraints and identifiers ----------------------------------------------------------

  private boolean addUnique(AppModel model) {
    return addUnique(pick(model.entities));
  }

  private boolean addUnique(Entity e) {
    List<String> columns = someColumns(e);
    if (columns.isEmpty() || !uniqueColumnsFree(e, columns)) {
      return false;
    }
    e.uniques.add(new Unique(chance(50) ? Optional.of("uk_" + next()) : Optional.empty(), columns));
    return true;
  }

  private boolean dropUnique(AppModel model) {
    Entity e = pick(model.entities);
    if (e.uniques.isEmpty()) {
      return false;
    }
    e.uniques.remove(pick(e.uniques));
    return true;
  }

  private boolean addIndex(AppModel model) {
    return addIndex(pick(model.entities));
  }

  private boolean addIndex(Entity e) {
    List<String> columns = someColumns(e);
    if (columns.isEmpty()) {
      return false;
    }
    boolean unique = chance(25);
    if (unique ? !uniqueColumnsFree(e, columns) : e.indexes.stream().anyMatch(i -> i.columns().equals(columns))) {
      return false;
    }
    List<String> descending = columns.stream().filter(c -> chance(25)).toList();
    e.indexes.add(new Idx(chance(50) ? Optional.of("ix_" + next()) : Optional.empty(), columns, descending, unique));
    return true;
  }

  private boolean dropIndex(AppModel model) {
    Entity e = pick(model.entities);
    if (e.indexes.isEmpty()) {
      return false;
    }
    e.indexes.remove(pick(e.indexes));
    return true;
  }

  /** One or two of the table's attribute columns, in a random order. */
  private List<String> someColumns(Entity e) {
    if (e.attrs.isEmpty()) {
      return List.of();
    }
    List<Attr> withColumns = e.attrs.stream().filter(Attr::hasColumn).toList();
    if (withColumns.isEmpty()) {
      return List.of();
    }
    List<String> columns = new ArrayList<>();
    columns.add(pick(withColumns).physicalColumn());
    if (withColumns.size() > 1 && chance(40)) {
      String second = pick(withColumns).physicalColumn();
      if (!columns.contains(second)) {
        columns.add(second);
      }
    }
    return columns;
  }

  /**
   * Whether no unique constraint covers exactly these columns yet: two would get the same name from
   * PostgreSQL ({@code <table>_<columns>_key}), and Hibernate would not create both either.
   */
  private static boolean uniqueColumnsFree(Entity e, List<String> columns) {
    Set<String> wanted = Set.copyOf(columns);
    boolean byColumn = columns.size() == 1 && e.attrs.stream()
        .anyMatch(a -> a.hasColumn() && a.uniqueColumn() && a.physicalColumn().equals(columns.get(0)));
    boolean byTable = e.uniques.stream().anyMatch(u -> Set.copyOf(u.columns()).equals(wanted));
    boolean byIndex = e.indexes.stream().anyMatch(i -> i.unique() && Set.copyOf(i.columns()).equals(wanted));
    return !byColumn && !byTable && !byIndex;
  }

  /** Integer ids become bigint or back; the join columns that reference them follow. */
  private boolean changeIdType(AppModel model) {
    Entity e = pick(model.entities);
    if (!e.idType.numeric()) {
      return false;
    }
    e.idType = e.idType == IdType.LONG ? IdType.INTEGER : IdType.LONG;
    return true;
  }

  private boolean toggleCheck(AppModel model) {
    Entity e = pick(model.entities);
    List<Attr> numbers = e.attrs.stream().filter(a -> a.type instanceof Basic b && NUMBERS.contains(b.java())).toList();
    if (numbers.isEmpty()) {
      return false;
    }
    Attr a = pick(numbers);
    a.check = a.check.isPresent() ? Optional.empty() : Optional.of(a.physicalColumn() + " >= 0");
    return true;
  }

  private boolean changeGeneration(AppModel model) {
    Entity e = pick(model.entities);
    if (!e.idType.numeric()) {
      return false;
    }
    if (e.generation == Generation.SEQUENCE && chance(50)) {
      if (chance(50)) {
        e.allocationSize = e.allocationSize == 20 ? 50 : 20;
      } else {
        e.initialValue = e.initialValue == 1 ? 100 : 1;
      }
      return true;
    }
    Generation to = pick(List.of(Generation.values()).stream().filter(g -> g != e.generation).toList());
    setGeneration(e, to);
    return true;
  }

  // ---- randomness ---------------------------------------------------------------------------------

  private int next() {
    return ++counter;
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private <T> T pickWeighted(T[] items, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return items[i];
      }
    }
    throw new IllegalStateException("weights do not match items");
  }
}
