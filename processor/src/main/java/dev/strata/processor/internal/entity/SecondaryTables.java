package dev.strata.processor.internal.entity;

import dev.strata.processor.internal.entity.Mapper.EntityInfo;
import dev.strata.processor.internal.mapping.Name;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;

/**
 * {@code @SecondaryTable}: a table holding the columns mapped with {@code @Column(table = ...)},
 * keyed by the entity's key ({@code pkJoinColumns}, else the entity's key column names), NOT NULL,
 * with a foreign key to the entity's table, as Hibernate 7.4 creates it.
 */
final class SecondaryTables {
  private SecondaryTables() {}

  /** The table, registered with the mapper, or empty after an error. */
  static Optional<TableBuilder> create(Mapper m, EntityInfo info, AnnotationMirror secondary) {
    Annotations ann = m.ann;
    String written = ann.string(secondary, "name");
    if (written.isBlank()) {
      m.diagnostics.error(MappingCode.INVALID_NAME, "@SecondaryTable on " + Elements2.simpleName(info.type)
          + ": the name is empty; name the table", info.type, secondary);
      return Optional.empty();
    }
    if (!ann.string(secondary, "catalog").isBlank()) {
      m.diagnostics.error(MappingCode.UNSUPPORTED_MAPPING, "@SecondaryTable(catalog = \""
          + ann.string(secondary, "catalog") + "\") on " + Elements2.simpleName(info.type) + ": PostgreSQL has no "
          + "catalogs within a database; remove catalog, or use schema", info.type, secondary,
          ann.explicitValue(secondary, "catalog").orElse(null));
      return Optional.empty();
    }
    Optional<String> namespace = Optional.of(ann.string(secondary, "schema")).filter(s -> !s.isBlank())
        .map(s -> m.naming.physical(Name.parse(s)).database());
    Name physical = m.naming.physical(Name.parse(written));
    QualifiedName name = new QualifiedName(namespace, physical.database());
    TableBuilder other = m.tables.get(name);
    if (other != null) {
      m.diagnostics.error(MappingCode.DUPLICATE_TABLE, "secondary table " + name + " of "
          + Elements2.simpleName(info.type) + " is also mapped by " + Elements2.describe(other.origin) + "; give it "
          + "its own name", info.type, secondary);
      return Optional.empty();
    }
    TableBuilder table = new TableBuilder(name, physical, info.type);
    m.tables.put(name, table);
    return Optional.of(table);
  }

  /** Adds the key columns, primary key, foreign key, unique constraints and indexes once the entity's key is known. */
  static void join(Mapper m, EntityInfo info, TableBuilder primary, List<String> key, TableBuilder table,
      AnnotationMirror secondary) {
    Annotations ann = m.ann;
    List<AnnotationMirror> joins = ann.annotations(secondary, "pkJoinColumns");
    if (!joins.isEmpty() && joins.size() != key.size()) {
      m.diagnostics.error(MappingCode.INVALID_REFERENCE, "@SecondaryTable(name = \"" + ann.string(secondary, "name")
          + "\") on " + Elements2.simpleName(info.type) + " has " + joins.size() + " pkJoinColumns but the key of "
          + Elements2.simpleName(info.type) + " has " + key.size() + " columns; give one per key column",
          info.type, secondary);
      return;
    }
    List<String> columns = new ArrayList<>();
    List<Name> physicals = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      TableBuilder.Entry referenced = primary.column(key.get(i)).get();
      String named = joins.isEmpty() ? "" : ann.string(joins.get(i), "name");
      Name physical = named.isBlank() ? referenced.physical() : m.naming.physical(Name.parse(named));
      Column column = Column.of(physical.database(), referenced.column().type()).notNull();
      if (!table.addColumn(new TableBuilder.Entry(column, physical, info.type, false), m.diagnostics)) {
        return;
      }
      columns.add(column.name());
      physicals.add(physical);
    }
    table.primaryKey(columns);
    Optional<AnnotationMirror> foreignKey = ann.annotations(secondary, "foreignKey").stream()
        .filter(ann::saysSomething).findFirst()
        .or(() -> joins.stream().flatMap(j -> ann.annotations(j, "foreignKey").stream())
            .filter(ann::saysSomething).findFirst());
    if (foreignKey.isEmpty() || !ann.enumConstant(foreignKey.get(), "value").orElse("").equals("NO_CONSTRAINT")) {
      String fkName = foreignKey.map(f -> ann.string(f, "name")).filter(n -> !n.isBlank())
          .map(n -> Name.parse(n).database())
          .orElseGet(() -> m.constraintNaming.foreignKey(table.physical, info.tablePhysical, physicals));
      table.addForeignKey(ForeignKey.of(fkName, columns, info.table, key));
    }
    TableConstraints.keysAndIndexes(m, info.type, Elements2.simpleName(info.type), table, secondary);
  }
}
