package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.mapping.Name;
import dev.strata.processor.internal.mapping.PostgresNames;
import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Table-level mapping: {@code @Table(uniqueConstraints, indexes, check, comment)}, Hibernate's
 * {@code @Check} and {@code @Comment} on the entity. On PostgreSQL, Hibernate 7.4 writes unnamed
 * unique constraints and unique indexes as inline {@code unique (...)} clauses, so they get
 * PostgreSQL's names; only plain indexes get Hibernate's hashed {@code IDX...} names.
 */
final class TableConstraints {
  private TableConstraints() {}

  static void apply(Mapper m, TypeElement type, TableBuilder table) {
    Annotations ann = m.ann;
    Optional<AnnotationMirror> tableAnn = ann.find(type, Jpa.TABLE);
    if (tableAnn.isPresent()) {
      AnnotationMirror t = tableAnn.get();
      keysAndIndexes(m, type, Elements2.simpleName(type), table, t);
      for (AnnotationMirror check : ann.annotations(t, "check")) {
        addCheck(table, Optional.of(ann.string(check, "name")).filter(n -> !n.isBlank()),
            ann.string(check, "constraint"));
      }
      String comment = ann.string(t, "comment");
      if (!comment.isEmpty()) {
        table.comment(comment);
      }
    }
    ann.find(type, Jpa.H_COMMENT).ifPresent(c -> table.comment(ann.string(c, "value")));
    for (AnnotationMirror check : ann.findAll(type, Jpa.H_CHECK, Jpa.H_CHECKS)) {
      addCheck(table, Optional.of(ann.string(check, "name")).filter(n -> !n.isBlank()),
          ann.string(check, "constraints"));
    }
  }

  /**
   * The {@code uniqueConstraints} and {@code indexes} of a {@code @Table}, {@code @CollectionTable} or
   * {@code @JoinTable}, whose messages go to {@code where} (described as {@code what}).
   */
  static void keysAndIndexes(Mapper m, Element where, String what, TableBuilder table, AnnotationMirror t) {
    Annotations ann = m.ann;
    for (AnnotationMirror unique : ann.annotations(t, "uniqueConstraints")) {
      List<String> written = ann.strings(unique, "columnNames");
      Optional<List<TableBuilder.Entry>> columns = columns(m, where, what, table, t, written, "@UniqueConstraint");
      columns.ifPresent(cols -> addUnique(m, table, ann.string(unique, "name"), cols));
    }
    for (AnnotationMirror index : ann.annotations(t, "indexes")) {
      addIndex(m, where, what, table, t, index);
    }
  }

  private static void addUnique(Mapper m, TableBuilder table, String explicitName, List<TableBuilder.Entry> columns) {
    List<Name> physicals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    columns.forEach(c -> {
      physicals.add(c.physical());
      names.add(c.column().name());
    });
    String name = explicitName.isBlank()
        ? m.constraintNaming.uniqueKey(table.physical, physicals)
        : Name.parse(explicitName).database();
    table.addUnique(new UniqueConstraint(name, names));
  }

  private static final Pattern INDEX_PART = Pattern.compile("\\s*(\\S+)(?:\\s+(asc|desc))?\\s*",
      Pattern.CASE_INSENSITIVE);

  private static void addIndex(Mapper m, Element where, String what, TableBuilder table,
      AnnotationMirror tableAnn, AnnotationMirror index) {
    Annotations ann = m.ann;
    String columnList = ann.string(index, "columnList");
    List<String> written = new ArrayList<>();
    List<Boolean> descending = new ArrayList<>();
    for (String part : columnList.split(",")) {
      Matcher match = INDEX_PART.matcher(part);
      if (!match.matches()) {
        m.diagnostics.error(MappingCode.INVALID_CONSTRAINT, "@Index(columnList = \"" + columnList + "\") on "
            + what + ": \"" + part.trim() + "\" is not a column with an optional ASC or DESC; "
            + "write the columns separated by commas, e.g. \"name, created desc\"", where, tableAnn);
        return;
      }
      written.add(match.group(1));
      descending.add(match.group(2) != null && match.group(2).equalsIgnoreCase("desc"));
    }
    Optional<List<TableBuilder.Entry>> columns = columns(m, where, what, table, tableAnn, written, "@Index");
    if (columns.isEmpty()) {
      return;
    }
    if (ann.bool(index, "unique", false)) {
      addUnique(m, table, ann.string(index, "name"), columns.get());
      return;
    }
    List<IndexColumn> indexColumns = new ArrayList<>();
    List<Name> physicals = new ArrayList<>();
    for (int i = 0; i < columns.get().size(); i++) {
      indexColumns.add(new IndexColumn(columns.get().get(i).column().name(), descending.get(i)));
      // Hibernate hashes the column names as written in columnList, before the physical naming
      // (unitPrice, not unit_price); the readable naming uses the names in the database.
      physicals.add(m.constraintNaming == dev.strata.processor.internal.mapping.ConstraintNaming.HIBERNATE
          ? Name.parse(written.get(i)) : columns.get().get(i).physical());
    }
    String explicit = ann.string(index, "name");
    String name = explicit.isBlank() ? m.constraintNaming.index(table.physical, physicals)
        : Name.parse(explicit).database();
    table.addIndex(new Index(name, indexColumns, false));
  }

  /** The mapped columns named by a constraint (names as written, through the physical naming). */
  private static Optional<List<TableBuilder.Entry>> columns(Mapper m, Element where, String owner,
      TableBuilder table, AnnotationMirror tableAnn, List<String> written, String what) {
    List<TableBuilder.Entry> out = new ArrayList<>();
    for (String column : written) {
      String db = m.naming.physical(Name.parse(column)).database();
      Optional<TableBuilder.Entry> entry = table.column(db);
      if (entry.isEmpty()) {
        m.diagnostics.error(MappingCode.INVALID_CONSTRAINT, what + " on " + owner + " names column "
            + column + ", which table " + table.name + " does not have; name a mapped column (column names, not "
            + "attribute names)", where, tableAnn);
        return Optional.empty();
      }
      out.add(entry.get());
    }
    return Optional.of(out);
  }

  private static final Pattern IDENTIFIER = Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")*)\"|([A-Za-z_][A-Za-z0-9_$]*)");

  /**
   * Adds a check. An unnamed one gets the name PostgreSQL gives it: {@code <table>_<column>_check}
   * when the condition uses one column of the table, else {@code <table>_check}, with a number added
   * when the name is taken ({@code ChooseConstraintName}).
   */
  static void addCheck(TableBuilder table, Optional<String> name, String condition) {
    if (name.isPresent()) {
      table.addCheck(new CheckConstraint(Name.parse(name.get()).database(), condition));
      return;
    }
    Set<String> used = new LinkedHashSet<>();
    Matcher tokens = IDENTIFIER.matcher(condition);
    while (tokens.find()) {
      String identifier = tokens.group(1) != null ? tokens.group(1).replace("\"\"", "\"")
          : tokens.group(2) != null ? tokens.group(2).toLowerCase(Locale.ROOT) : null;
      if (identifier != null && table.hasColumn(identifier)) {
        used.add(identifier);
      }
    }
    String column = used.size() == 1 ? used.iterator().next() : null;
    String base = PostgresNames.objectName(table.name.name(), column, "check");
    String chosen = base;
    for (int pass = 1; table.hasConstraint(chosen); pass++) {
      chosen = PostgresNames.objectName(table.name.name(), column, "check" + pass);
    }
    table.addCheck(new CheckConstraint(chosen, condition));
  }
}
