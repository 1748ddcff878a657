package dev.strata.processor.internal.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Identity;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.PrimaryKey;
import dev.strata.schema.QualifiedName;
import dev.strata.schema.ReferentialAction;
import dev.strata.schema.Sequence;
import dev.strata.schema.SqlType;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import dev.strata.schema.change.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders each change as one call on the revision's {@code Operations} parameter, with every
 * argument a literal model value built through the model's static factories
 * ({@code QualifiedName.of("orders")}, {@code Column.of("id", "bigint").notNull()} ...), so the
 * revision reads like the schema it creates and refers to no entity class.
 */
final class ChangeRenderer implements Change.Visitor<CodeBlock> {
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName OPTIONAL = ClassName.get(Optional.class);

  private final String op;
  private final boolean concurrentIndexes;

  /**
   * @param op the name of the {@code Operations} parameter
   * @param concurrentIndexes whether the revision is non-transactional: indexes are then created and
   *     dropped {@code CONCURRENTLY}, and {@link #statements} writes the safe forms of added
   *     constraints and NOT NULL
   */
  ChangeRenderer(String op, boolean concurrentIndexes) {
    this.op = op;
    this.concurrentIndexes = concurrentIndexes;
  }

  /**
   * The calls that make {@code change}: one, except in a non-transactional revision, where a
   * foreign key or check is added {@code NOT VALID} and then validated, two calls whose statements
   * commit one by one, so that the validating scan does not run under the adding statement's lock.
   * NOT NULL is set there through a validated check ({@code setNotNullViaCheck}).
   */
  List<CodeBlock> statements(Change change) {
    if (concurrentIndexes && change instanceof Change.AddForeignKey add) {
      return List.of(call("addForeignKeyNotValid", name(add.table()), foreignKey(add.key())),
          call("validateConstraint", name(add.table()), string(add.key().name())));
    }
    if (concurrentIndexes && change instanceof Change.AddCheckConstraint add) {
      return List.of(call("addCheckConstraintNotValid", name(add.table()), check(add.constraint())),
          call("validateConstraint", name(add.table()), string(add.constraint().name())));
    }
    if (concurrentIndexes && change instanceof Change.AlterColumnNullable alter && !alter.nullable()) {
      return List.of(call("setNotNullViaCheck", name(alter.table()), string(alter.column())));
    }
    return List.of(change.accept(this));
  }

  private CodeBlock call(String method, CodeBlock... args) {
    CodeBlock.Builder b = CodeBlock.builder().add("$N.$N(", op, method);
    for (int i = 0; i < args.length; i++) {
      b.add(i == 0 ? "$L" : ", $L", args[i]);
    }
    return b.add(")").build();
  }

  private static CodeBlock string(String s) {
    return literal(s);
  }

  /**
   * A string literal: {@code $S}, except that each U+2028 and U+2029 is written as a Unicode escape
   * in a literal of its own, joined to the rest with {@code +}. {@code $S} leaves them as they are,
   * and JavaPoet then breaks the line at them as at every Unicode line break, which would cut the
   * literal in two.
   */
  static CodeBlock literal(String s) {
    List<CodeBlock> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u2028' || c == '\u2029') {
        if (i > start) {
          parts.add(CodeBlock.of("$S", s.substring(start, i)));
        }
        parts.add(CodeBlock.of("$L", String.format("\"\\u%04x\"", (int) c)));
        start = i + 1;
      }
    }
    if (start < s.length() || parts.isEmpty()) {
      parts.add(CodeBlock.of("$S", s.substring(start)));
    }
    return CodeBlock.join(parts, " + ");
  }

  @Override public CodeBlock createNamespace(Change.CreateNamespace c) {
    return call("createNamespace", string(c.name()));
  }

  @Override public CodeBlock dropNamespace(Change.DropNamespace c) {
    return call("dropNamespace", string(c.name()));
  }

  @Override public CodeBlock createTable(Change.CreateTable c) {
    return call("createTable", table(c.table()));
  }

  @Override public CodeBlock dropTable(Change.DropTable c) {
    return call("dropTable", table(c.table()));
  }

  @Override public CodeBlock renameTable(Change.RenameTable c) {
    return call("renameTable", name(c.from()), string(c.to()));
  }

  @Override public CodeBlock alterTableComment(Change.AlterTableComment c) {
    return call("alterTableComment", name(c.table()), optionalString(c.from()), optionalString(c.to()));
  }

  @Override public CodeBlock addColumn(Change.AddColumn c) {
    return call("addColumn", name(c.table()), column(c.column()));
  }

  @Override public CodeBlock dropColumn(Change.DropColumn c) {
    return call("dropColumn", name(c.table()), column(c.column()));
  }

  @Override public CodeBlock renameColumn(Change.RenameColumn c) {
    return call("renameColumn", name(c.table()), string(c.from()), string(c.to()));
  }

  @Override public CodeBlock alterColumnType(Change.AlterColumnType c) {
    return call("alterColumnType", name(c.table()), string(c.column()), type(c.from()), type(c.to()));
  }

  @Override public CodeBlock alterColumnNullable(Change.AlterColumnNullable c) {
    return call("alterColumnNullable", name(c.table()), string(c.column()), CodeBlock.of("$L", c.nullable()));
  }

  @Override public CodeBlock alterColumnDefault(Change.AlterColumnDefault c) {
    return call("alterColumnDefault", name(c.table()), string(c.column()), optionalString(c.from()),
        optionalString(c.to()));
  }

  @Override public CodeBlock alterColumnIdentity(Change.AlterColumnIdentity c) {
    return call("alterColumnIdentity", name(c.table()), string(c.column()), optionalIdentity(c.from()),
        optionalIdentity(c.to()));
  }

  @Override public CodeBlock alterColumnComment(Change.AlterColumnComment c) {
    return call("alterColumnComment", name(c.table()), string(c.column()), optionalString(c.from()),
        optionalString(c.to()));
  }

  @Override public CodeBlock addPrimaryKey(Change.AddPrimaryKey c) {
    return call("addPrimaryKey", name(c.table()), primaryKey(c.key()));
  }

  @Override public CodeBlock dropPrimaryKey(Change.DropPrimaryKey c) {
    return call("dropPrimaryKey", name(c.table()), primaryKey(c.key()));
  }

  @Override public CodeBlock addForeignKey(Change.AddForeignKey c) {
    return call("addForeignKey", name(c.table()), foreignKey(c.key()));
  }

  @Override public CodeBlock dropForeignKey(Change.DropForeignKey c) {
    return call("dropForeignKey", name(c.table()), foreignKey(c.key()));
  }

  @Override public CodeBlock addUniqueConstraint(Change.AddUniqueConstraint c) {
    return call("addUniqueConstraint", name(c.table()), unique(c.constraint()));
  }

  @Override public CodeBlock dropUniqueConstraint(Change.DropUniqueConstraint c) {
    return call("dropUniqueConstraint", name(c.table()), unique(c.constraint()));
  }

  @Override public CodeBlock addCheckConstraint(Change.AddCheckConstraint c) {
    return call("addCheckConstraint", name(c.table()), check(c.constraint()));
  }

  @Override public CodeBlock dropCheckConstraint(Change.DropCheckConstraint c) {
    return call("dropCheckConstraint", name(c.table()), check(c.constraint()));
  }

  @Override public CodeBlock createIndex(Change.CreateIndex c) {
    return call(concurrentIndexes ? "createIndexConcurrently" : "createIndex", name(c.table()), index(c.index()));
  }

  @Override public CodeBlock dropIndex(Change.DropIndex c) {
    return call(concurrentIndexes ? "dropIndexConcurrently" : "dropIndex", name(c.table()), index(c.index()));
  }

  @Override public CodeBlock createSequence(Change.CreateSequence c) {
    return call("createSequence", sequence(c.sequence()));
  }

  @Override public CodeBlock dropSequence(Change.DropSequence c) {
    return call("dropSequence", sequence(c.sequence()));
  }

  @Override public CodeBlock alterSequence(Change.AlterSequence c) {
    return call("alterSequence", sequence(c.from()), sequence(c.to()));
  }

  // ---- model values ------------------------------------------------------------------------------

  static CodeBlock name(QualifiedName name) {
    return name.namespace().isPresent()
        ? CodeBlock.of("$T.of($L, $L)", QualifiedName.class, literal(name.namespace().get()), literal(name.name()))
        : CodeBlock.of("$T.of($L)", QualifiedName.class, literal(name.name()));
  }

  /** {@code SqlType.parse("varchar(255)")} when the canonical text reads back the same, else the constructor. */
  static CodeBlock type(SqlType type) {
    if (readsBack(type)) {
      return CodeBlock.of("$T.parse($L)", SqlType.class, literal(type.sql()));
    }
    return CodeBlock.of("new $T($L, $L, $L)", SqlType.class, literal(type.base()),
        list(type.modifiers(), m -> CodeBlock.of("$L", m)), type.array());
  }

  private static boolean readsBack(SqlType type) {
    try {
      return SqlType.parse(type.sql()).equals(type);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static CodeBlock column(Column column) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (readsBack(column.type())) {
      b.add("$T.of($L, $L)", Column.class, literal(column.name()), literal(column.type().sql()));
    } else {
      b.add("$T.of($L, $L)", Column.class, literal(column.name()), type(column.type()));
    }
    if (column.identity().isPresent()) {
      // withIdentity also makes the column NOT NULL, as identity columns are.
      b.add(".withIdentity($T.$L)", Identity.class, column.identity().get().name());
    } else if (!column.nullable()) {
      b.add(".notNull()");
    }
    column.defaultValue().ifPresent(d -> b.add(".withDefault($L)", literal(d)));
    column.comment().ifPresent(d -> b.add(".withComment($L)", literal(d)));
    return b.build();
  }

  static CodeBlock table(Table table) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (table.name().namespace().isPresent()) {
      b.add("$T.of($L)", Table.class, name(table.name()));
    } else {
      b.add("$T.of($L)", Table.class, literal(table.name().name()));
    }
    if (!table.columns().isEmpty()) {
      b.add("\n.withColumns(");
      for (int i = 0; i < table.columns().size(); i++) {
        b.add(i == 0 ? "\n$>$>$L" : ",\n$L", column(table.columns().get(i)));
      }
      b.add("$<$<)");
    }
    table.primaryKey().ifPresent(pk -> {
      b.add("\n.withPrimaryKey($L", literal(pk.name()));
      pk.columns().forEach(c -> b.add(", $L", literal(c)));
      b.add(")");
    });
    if (!table.uniqueConstraints().isEmpty()) {
      b.add("\n.withUniqueConstraints($L)", list(table.uniqueConstraints(), ChangeRenderer::unique));
    }
    if (!table.checks().isEmpty()) {
      b.add("\n.withChecks($L)", list(table.checks(), ChangeRenderer::check));
    }
    if (!table.foreignKeys().isEmpty()) {
      b.add("\n.withForeignKeys($L)", list(table.foreignKeys(), ChangeRenderer::foreignKey));
    }
    if (!table.indexes().isEmpty()) {
      b.add("\n.withIndexes($L)", list(table.indexes(), ChangeRenderer::index));
    }
    table.comment().ifPresent(comment -> b.add("\n.withComment($L)", optionalString(Optional.of(comment))));
    return b.build();
  }

  static CodeBlock primaryKey(PrimaryKey key) {
    return CodeBlock.of("$T.of($L, $L)", PrimaryKey.class, literal(key.name()), strings(key.columns()));
  }

  static CodeBlock foreignKey(ForeignKey key) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of($L, $L, $L, $L)", ForeignKey.class, literal(key.name()),
        list(key.columns(), ChangeRenderer::literal), name(key.referencedTable()),
        list(key.referencedColumns(), ChangeRenderer::literal));
    if (key.onDelete() != ReferentialAction.NO_ACTION) {
      b.add(".withOnDelete($T.$L)", ReferentialAction.class, key.onDelete().name());
    }
    if (key.onUpdate() != ReferentialAction.NO_ACTION) {
      b.add(".withOnUpdate($T.$L)", ReferentialAction.class, key.onUpdate().name());
    }
    return b.build();
  }

  static CodeBlock unique(UniqueConstraint constraint) {
    return CodeBlock.of("$T.of($L, $L)", UniqueConstraint.class, literal(constraint.name()),
        strings(constraint.columns()));
  }

  static CodeBlock check(CheckConstraint constraint) {
    return CodeBlock.of("$T.of($L, $L)", CheckConstraint.class, literal(constraint.name()),
        literal(constraint.expression()));
  }

  static CodeBlock index(Index index) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (index.columns().stream().noneMatch(IndexColumn::descending)) {
      b.add("$T.of($L, $L)", Index.class, literal(index.name()),
          strings(index.columns().stream().map(IndexColumn::name).toList()));
      if (index.unique()) {
        b.add(".withUnique(true)");
      }
    } else {
      b.add("new $T($L, $L, $L)", Index.class, literal(index.name()), list(index.columns(), c ->
          CodeBlock.of("$T.$L($L)", IndexColumn.class, c.descending() ? "desc" : "asc", literal(c.name()))),
          index.unique());
    }
    return b.build();
  }

  static CodeBlock sequence(Sequence sequence) {
    return CodeBlock.of("$T.of($L, $L, $L)", Sequence.class, name(sequence.name()), longLiteral(sequence.start()),
        longLiteral(sequence.increment()));
  }

  private static String longLiteral(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? Long.toString(value) : value + "L";
  }

  static CodeBlock optionalString(Optional<String> value) {
    return value.isPresent()
        ? CodeBlock.of("$T.of($L)", OPTIONAL, literal(value.get()))
        : CodeBlock.of("$T.empty()", OPTIONAL);
  }

  static CodeBlock optionalIdentity(Optional<Identity> value) {
    return value.isPresent()
        ? CodeBlock.of("$T.of($T.$L)", OPTIONAL, Identity.class, value.get().name())
        : CodeBlock.of("$T.empty()", OPTIONAL);
  }

  /** Strings as varargs: {@code "a", "b"}. */
  private static CodeBlock strings(List<String> values) {
    List<CodeBlock> blocks = new ArrayList<>();
    values.forEach(v -> blocks.add(literal(v)));
    return CodeBlock.join(blocks, ", ");
  }

  private static <T> CodeBlock list(List<T> values, Function<T, CodeBlock> render) {
    List<CodeBlock> blocks = new ArrayList<>();
    values.forEach(v -> blocks.add(render.apply(v)));
    return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(blocks, ", "));
  }
}
