package dev.strata.schema;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key from columns of its table to columns of {@code referencedTable}.
 *
 * @param name the constraint name
 * @param columns the referencing columns, in key order
 * @param referencedTable the referenced table
 * @param referencedColumns the referenced columns, one for each of {@code columns}
 * @param onDelete the action on delete; {@link ReferentialAction#NO_ACTION} is PostgreSQL's default
 * @param onUpdate the action on update
 */
public record ForeignKey(
    String name,
    List<String> columns,
    QualifiedName referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate) {

  public ForeignKey {
    Checks.identifier(name, "name");
    columns = Checks.identifiers(columns, "columns", false);
    Objects.requireNonNull(referencedTable, "referencedTable");
    referencedColumns = Checks.identifiers(referencedColumns, "referencedColumns", false);
    if (columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
          + " columns but " + referencedColumns.size() + " referencedColumns");
    }
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
  }

  public static ForeignKey of(String name, List<String> columns, QualifiedName referencedTable,
      List<String> referencedColumns) {
    return new ForeignKey(name, columns, referencedTable, referencedColumns,
        ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION);
  }

  public ForeignKey withOnDelete(ReferentialAction action) {
    return new ForeignKey(name, columns, referencedTable, referencedColumns, action, onUpdate);
  }

  public ForeignKey withOnUpdate(ReferentialAction action) {
    return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, action);
  }

  public ForeignKey withReferencedTable(QualifiedName table) {
    return new ForeignKey(name, columns, table, referencedColumns, onDelete, onUpdate);
  }

  public ForeignKey withColumns(List<String> newColumns) {
    return new ForeignKey(name, newColumns, referencedTable, referencedColumns, onDelete, onUpdate);
  }

  public ForeignKey withReferencedColumns(List<String> newColumns) {
    return new ForeignKey(name, columns, referencedTable, newColumns, onDelete, onUpdate);
  }
}
