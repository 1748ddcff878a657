package dev.strata.runtime;

import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import dev.strata.schema.change.Change;
import java.util.Optional;

/**
 * What a revision can do: one method per kind of schema change (each mirrors a
 * {@link Change} record), plus {@link #execute(String)} for hand-written SQL.
 *
 * <p>Arguments are literal names, types and values, never references to entity classes, so a
 * revision keeps meaning the same thing after the entities change.
 */
public interface Operations {

  /** Runs one hand-written SQL statement (a data migration, for instance). */
  void execute(String sql);

  /** Applies any change; the typed methods below are shorthands for this. */
  void apply(Change change);

  default void createNamespace(String name) { apply(new Change.CreateNamespace(name)); }

  default void dropNamespace(String name) { apply(new Change.DropNamespace(name)); }

  default void createTable(Table table) { apply(new Change.CreateTable(table)); }

  default void dropTable(Table table) { apply(new Change.DropTable(table)); }

  default void renameTable(QualifiedName from, String to) { apply(new Change.RenameTable(from, to)); }

  default void alterTableComment(QualifiedName table, Optional<String> from, Optional<String> to) {
    apply(new Change.AlterTableComment(table, from, to));
  }

  default void addColumn(QualifiedName table, Column column) { apply(new Change.AddColumn(table, column)); }

  default void dropColumn(QualifiedName table, Column column) { apply(new Change.DropColumn(table, column)); }

  default void renameColumn(QualifiedName table, String from, String to) {
    apply(new Change.RenameColumn(table, from, to));
  }

  default void alterColumnType(QualifiedName table, String column, SqlType from, SqlType to) {
    apply(new Change.AlterColumnType(table, column, from, to));
  }

  default void alterColumnNullable(QualifiedName table, String column, boolean nullable) {
    apply(new Change.AlterColumnNullable(table, column, nullable));
  }

  default void alterColumnDefault(QualifiedName table, String column, Optional<String> from, Optional<String> to) {
    apply(new Change.AlterColumnDefault(table, column, from, to));
  }

  default void alterColumnIdentity(QualifiedName table, String column, Optional<Identity> from,
      Optional<Identity> to) {
    apply(new Change.AlterColumnIdentity(table, column, from, to));
  }

  default void alterColumnComment(QualifiedName table, String column, Optional<String> from, Optional<String> to) {
    apply(new Change.AlterColumnComment(table, column, from, to));
  }

  default void addPrimaryKey(QualifiedName table, PrimaryKey key) { apply(new Change.AddPrimaryKey(table, key)); }

  default void dropPrimaryKey(QualifiedName table, PrimaryKey key) { apply(new Change.DropPrimaryKey(table, key)); }

  default void addForeignKey(QualifiedName table, ForeignKey key) { apply(new Change.AddForeignKey(table, key)); }

  default void dropForeignKey(QualifiedName table, ForeignKey key) { apply(new Change.DropForeignKey(table, key)); }

  default void addUniqueConstraint(QualifiedName table, UniqueConstraint constraint) {
    apply(new Change.AddUniqueConstraint(table, constraint));
  }

  default void dropUniqueConstraint(QualifiedName table, UniqueConstraint constraint) {
    apply(new Change.DropUniqueConstraint(table, constraint));
  }

  default void addCheckConstraint(QualifiedName table, CheckConstraint constraint) {
    apply(new Change.AddCheckConstraint(table, constraint));
  }

  default void dropCheckConstraint(QualifiedName table, CheckConstraint constraint) {
    apply(new Change.DropCheckConstraint(table, constraint));
  }

  default void createIndex(QualifiedName table, Index index) { apply(new Change.CreateIndex(table, index)); }

  default void dropIndex(QualifiedName table, Index index) { apply(new Change.DropIndex(table, index)); }

  default void createSequence(Sequence sequence) { apply(new Change.CreateSequence(sequence)); }

  default void dropSequence(Sequence sequence) { apply(new Change.DropSequence(sequence)); }

  default void alterSequence(Sequence from, Sequence to) { apply(new Change.AlterSequence(from, to)); }

  /**
   * Applies a {@link Change.CreateIndex} or {@link Change.DropIndex} with {@code CONCURRENTLY}, which
   * does not block writes to the table but cannot run inside a transaction: only allowed in a
   * revision marked {@code @Revision(transactional = false)}. A failed concurrent build leaves an
   * INVALID index behind; the {@link Migrator} drops it before it retries the statement.
   *
   * @throws UnsupportedOperationException from implementations that cannot run it (the default)
   */
  default void applyConcurrently(Change change) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot apply changes concurrently");
  }

  /** {@code CREATE INDEX CONCURRENTLY}; see {@link #applyConcurrently}. */
  default void createIndexConcurrently(QualifiedName table, Index index) {
    applyConcurrently(new Change.CreateIndex(table, index));
  }

  /** {@code DROP INDEX CONCURRENTLY}; see {@link #applyConcurrently}. */
  default void dropIndexConcurrently(QualifiedName table, Index index) {
    applyConcurrently(new Change.DropIndex(table, index));
  }

  /**
   * Applies a {@link Change.AddForeignKey} or {@link Change.AddCheckConstraint} {@code NOT VALID}:
   * the constraint holds for rows written from then on, but the existing rows are not checked, so
   * the table is locked only for a moment. The schema is the same as after the plain change once
   * {@link #validateConstraint} has checked the existing rows. That must run in a transaction of its
   * own to lock less (in a revision marked {@code @Revision(transactional = false)}, where each
   * statement is one), and until it has run the constraint is not trusted by the planner.
   *
   * @throws UnsupportedOperationException from implementations that cannot run it (the default)
   */
  default void applyNotValid(Change change) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot apply changes NOT VALID");
  }

  /** {@code ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID}; see {@link #applyNotValid}. */
  default void addForeignKeyNotValid(QualifiedName table, ForeignKey key) {
    applyNotValid(new Change.AddForeignKey(table, key));
  }

  /** {@code ALTER TABLE ... ADD CONSTRAINT ... CHECK (...) NOT VALID}; see {@link #applyNotValid}. */
  default void addCheckConstraintNotValid(QualifiedName table, CheckConstraint constraint) {
    applyNotValid(new Change.AddCheckConstraint(table, constraint));
  }

  /**
   * Makes {@code column} NOT NULL, as {@link #alterColumnNullable alterColumnNullable(table, column,
   * false)} does, without scanning the table under an ACCESS EXCLUSIVE lock: a
   * {@code CHECK (column IS NOT NULL)} added {@code NOT VALID}, validated, then {@code SET NOT NULL}
   * (PostgreSQL 12+ skips the scan thanks to the validated check), then the check is dropped. Four
   * statements, which lock briefly only when each runs in its own transaction: in a revision marked
   * {@code @Revision(transactional = false)}.
   *
   * @throws UnsupportedOperationException from implementations that cannot run it (the default)
   */
  default void setNotNullViaCheck(QualifiedName table, String column) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot set NOT NULL through a check");
  }

  /**
   * {@code ALTER TABLE ... VALIDATE CONSTRAINT}: checks the existing rows against a constraint
   * added {@code NOT VALID}, under a lock (SHARE UPDATE EXCLUSIVE) that lets reads and writes go on.
   * It changes nothing in the schema model. Fails, naming a row, when a row violates the constraint.
   *
   * @throws UnsupportedOperationException from implementations that cannot run it (the default)
   */
  default void validateConstraint(QualifiedName table, String constraint) {
    throw new UnsupportedOperationException(getClass().getName() + " cannot validate constraints");
  }
}
