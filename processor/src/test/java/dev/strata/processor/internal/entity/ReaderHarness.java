package dev.strata.processor.internal.entity;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.strata.processor.internal.Diagnostics;
import dev.strata.schema.CheckConstraint;
import dev.strata.schema.Column;
import dev.strata.schema.ForeignKey;
import dev.strata.schema.Index;
import dev.strata.schema.IndexColumn;
import dev.strata.schema.Schema;
import dev.strata.schema.Sequence;
import dev.strata.schema.Table;
import dev.strata.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Compiles entity sources with a tiny processor that runs the {@link EntityReader} in the first
 * round and keeps its result, and renders schemas as compact text for exact assertions.
 */
final class ReaderHarness {
  private ReaderHarness() {}

  /** The reader's result after a compile. */
  static final class Result {
    final Compilation compilation;
    final EntityModel model;

    Result(Compilation compilation, EntityModel model) {
      this.compilation = compilation;
      this.model = model;
    }

    String schema() {
      return render(model.schema());
    }
  }

  /** A source in package {@code test}, with the imports every test uses before {@code body}. */
  static JavaFileObject source(String className, String body) {
    return JavaFileObjects.forSourceString("test." + className, HEADER + body);
  }

  /** The lines {@link #source} puts before the body: line 5 is the body's first line. */
  static final String HEADER = """
      package test;
      import jakarta.persistence.*;
      import java.math.*; import java.time.*; import java.util.*;
      import org.hibernate.annotations.*;
      """;

  static Result compile(Map<String, String> options, JavaFileObject... sources) {
    ReadingProcessor processor = new ReadingProcessor();
    List<String> args = new ArrayList<>();
    options.forEach((k, v) -> args.add("-A" + k + "=" + v));
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    all.addAll(HIBERNATE_STUBS);
    Compilation compilation = javac().withProcessors(processor).withOptions(args).compile(all);
    return new Result(compilation, processor.model);
  }

  static Result compile(JavaFileObject... sources) {
    return compile(Map.of(), sources);
  }

  /**
   * Hibernate's annotations as stand-ins with the same names: the reader matches by name, and the
   * tests need no Hibernate on their class path.
   */
  static final List<JavaFileObject> HIBERNATE_STUBS = List.of(
      stub("Comment", "String value();"),
      stub("ColumnDefault", "String value();"),
      stub("Check", "String name() default \"\"; String constraints();"),
      stub("Nationalized", ""),
      stub("Formula", "String value();"),
      stub("Immutable", ""),
      stub("SQLRestriction", "String value();"),
      stub("JdbcTypeCode", "int value();"),
      stub("OnDelete", "OnDeleteAction action();"),
      JavaFileObjects.forSourceString("org.hibernate.annotations.OnDeleteAction", """
          package org.hibernate.annotations;
          public enum OnDeleteAction { NO_ACTION, CASCADE, RESTRICT, SET_NULL, SET_DEFAULT }
          """),
      converterStub("YesNoConverter", "Character"),
      converterStub("TrueFalseConverter", "Character"),
      converterStub("NumericBooleanConverter", "Integer"),
      JavaFileObjects.forSourceString("org.hibernate.type.SqlTypes", """
          package org.hibernate.type;
          public final class SqlTypes { public static final int JSON = 3001; public static final int NAMED_ENUM = 6001;
            public static final int INTEGER = 4, BIGINT = -5, SMALLINT = 5, TINYINT = -6, NUMERIC = 2, DECIMAL = 3,
                BOOLEAN = 16, CHAR = 1, NVARCHAR = -9, DOUBLE = 8, REAL = 7, FLOAT = 6, DATE = 91, TIME = 92,
                TIMESTAMP = 93, TIMESTAMP_WITH_TIMEZONE = 2014; }
          """));

  /**
   * The Bean Validation annotations (and Hibernate Validator's {@code @Length}) as stand-ins: with
   * them on the class path the reader applies them by default, as Hibernate does with a validator.
   */
  static final List<JavaFileObject> VALIDATION_STUBS = List.of(
      JavaFileObjects.forSourceString("jakarta.validation.Constraint", "package jakarta.validation;\n"
          + "import java.lang.annotation.*;\n@Retention(RetentionPolicy.RUNTIME) @Target(ElementType.ANNOTATION_TYPE)\n"
          + "public @interface Constraint { Class<?>[] validatedBy(); }\n"),
      JavaFileObjects.forSourceString("jakarta.validation.Valid", "package jakarta.validation;\n"
          + "public @interface Valid {}\n"),
      JavaFileObjects.forSourceString("jakarta.validation.groups.Default", "package jakarta.validation.groups;\n"
          + "public interface Default {}\n"),
      constraintStub("jakarta.validation.constraints", "NotNull", ""),
      constraintStub("jakarta.validation.constraints", "NotEmpty", ""),
      constraintStub("jakarta.validation.constraints", "NotBlank", ""),
      constraintStub("jakarta.validation.constraints", "Size", "int min() default 0; int max() default Integer.MAX_VALUE;"
          + " @Retention(RetentionPolicy.RUNTIME) @interface List { Size[] value(); }"),
      constraintStub("jakarta.validation.constraints", "Min", "long value();"),
      constraintStub("jakarta.validation.constraints", "Max", "long value();"),
      constraintStub("jakarta.validation.constraints", "Digits", "int integer(); int fraction();"),
      constraintStub("jakarta.validation.constraints", "Email", ""),
      constraintStub("jakarta.validation.constraints", "Positive", ""),
      constraintStub("org.hibernate.validator.constraints", "Length", "int min() default 0; "
          + "int max() default Integer.MAX_VALUE;"));

  private static JavaFileObject constraintStub(String pkg, String name, String body) {
    String repeatable = name.equals("Size") ? "@java.lang.annotation.Repeatable(Size.List.class) " : "";
    return JavaFileObjects.forSourceString(pkg + "." + name, "package " + pkg + ";\n"
        + "import java.lang.annotation.*;\n@Retention(RetentionPolicy.RUNTIME) " + repeatable
        + "@jakarta.validation.Constraint(validatedBy = {}) public @interface " + name + " { String message() default \"\";"
        + " Class<?>[] groups() default {}; Class<?>[] payload() default {}; " + body + " }\n");
  }

  /** The sources with {@link #VALIDATION_STUBS} added. */
  static JavaFileObject[] withValidation(JavaFileObject... sources) {
    List<JavaFileObject> all = new ArrayList<>(List.of(sources));
    all.addAll(VALIDATION_STUBS);
    return all.toArray(new JavaFileObject[0]);
  }

  /** Hibernate's boolean converters: {@code AttributeConverter<Boolean, Y>}, as in hibernate-core. */
  private static JavaFileObject converterStub(String name, String databaseType) {
    return JavaFileObjects.forSourceString("org.hibernate.type." + name, "package org.hibernate.type;\n"
        + "public class " + name + " implements jakarta.persistence.AttributeConverter<Boolean, " + databaseType
        + "> {\n  public " + databaseType + " convertToDatabaseColumn(Boolean b) { return null; }\n"
        + "  public Boolean convertToEntityAttribute(" + databaseType + " v) { return null; }\n}\n");
  }

  private static JavaFileObject stub(String name, String body) {
    return JavaFileObjects.forSourceString("org.hibernate.annotations." + name, "package org.hibernate.annotations;\n"
        + "import java.lang.annotation.*;\n@Retention(RetentionPolicy.RUNTIME) public @interface " + name + " { "
        + body + " }\n");
  }

  @javax.annotation.processing.SupportedAnnotationTypes("*")
  static final class ReadingProcessor extends AbstractProcessor {
    EntityModel model;

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return Set.copyOf(MappingOptions.NAMES);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (model != null || round.processingOver()) {
        return false;
      }
      TypeElement entity = processingEnv.getElementUtils().getTypeElement("jakarta.persistence.Entity");
      List<TypeElement> entities = round.getElementsAnnotatedWith(entity).stream()
          .filter(e -> e.getKind() == ElementKind.CLASS || e.getKind().isInterface() || e.getKind() == ElementKind.ENUM
              || e.getKind() == ElementKind.RECORD)
          .map(TypeElement.class::cast)
          .collect(Collectors.toList());
      Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
      MappingOptions options = MappingOptions.from(processingEnv.getOptions(), diagnostics);
      model = new EntityReader(processingEnv, diagnostics, options).read(entities);
      return false;
    }
  }

  /** One line per fact, tables and sequences in the schema's order. */
  static String render(Schema schema) {
    StringBuilder out = new StringBuilder();
    for (String namespace : schema.namespaces()) {
      out.append("namespace ").append(namespace).append('\n');
    }
    for (Table table : schema.tables()) {
      out.append("table ").append(table.name()).append('\n');
      table.comment().ifPresent(c -> out.append("  comment ").append(c).append('\n'));
      for (Column c : table.columns()) {
        out.append("  ").append(c.name()).append(' ').append(c.type().sql());
        if (!c.nullable()) {
          out.append(" not null");
        }
        c.identity().ifPresent(i -> out.append(" identity ").append(i.name().toLowerCase()));
        c.defaultValue().ifPresent(d -> out.append(" default ").append(d));
        c.comment().ifPresent(d -> out.append(" comment ").append(d));
        out.append('\n');
      }
      table.primaryKey().ifPresent(pk -> out.append("  primary key ").append(pk.name()).append(" (")
          .append(String.join(", ", pk.columns())).append(")\n"));
      for (ForeignKey fk : table.foreignKeys()) {
        out.append("  foreign key ").append(fk.name()).append(" (").append(String.join(", ", fk.columns()))
            .append(") references ").append(fk.referencedTable()).append(" (")
            .append(String.join(", ", fk.referencedColumns())).append(')');
        if (fk.onDelete() != dev.strata.schema.ReferentialAction.NO_ACTION) {
          out.append(" on delete ").append(fk.onDelete().sql());
        }
        out.append('\n');
      }
      for (UniqueConstraint u : table.uniqueConstraints()) {
        out.append("  unique ").append(u.name()).append(" (").append(String.join(", ", u.columns())).append(")\n");
      }
      for (Index i : table.indexes()) {
        out.append("  ").append(i.unique() ? "unique index " : "index ").append(i.name()).append(" (")
            .append(i.columns().stream().map(ReaderHarness::indexColumn).collect(Collectors.joining(", ")))
            .append(")\n");
      }
      for (CheckConstraint c : table.checks()) {
        out.append("  check ").append(c.name()).append(": ").append(c.expression()).append('\n');
      }
    }
    for (Sequence s : schema.sequences()) {
      out.append("sequence ").append(s.name()).append(" start ").append(s.start()).append(" increment ")
          .append(s.increment()).append('\n');
    }
    return out.toString();
  }

  private static String indexColumn(IndexColumn c) {
    return c.descending() ? c.name() + " desc" : c.name();
  }
}
