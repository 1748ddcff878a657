package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities compiled elsewhere (another module's jar, the multi-module layout) that the compiled
 * entities reach: their tables are part of this schema, as in Hibernate's persistence unit, and a
 * partial compile keeps finding them and the auto-applied converters from other packages.
 */
class ClassPathEntitiesTest {
  @TempDir Path dir;
  @TempDir Path classesDir;

  static final JavaFileObject B = JavaFileObjects.forSourceString("b.B", """
      package b;
      import jakarta.persistence.*;
      @Entity
      public class B {
        @Id Long id;
      }
      """);

  static final JavaFileObject A = JavaFileObjects.forSourceString("a.A", """
      package a;
      import jakarta.persistence.*;
      @Entity
      public class A {
        @Id Long id;
        @ManyToOne b.B b;
      }
      """);

  @Test
  void aManyToOneToAnEntityInAnotherJarMapsItsTable() throws IOException {
    StrataProject project = new StrataProject(dir);
    File classes = compiledClasses(B);

    Compilation compilation = compile(project, classes, A);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("Strata: the compiled entities refer to b.B, compiled elsewhere (on the"
        + " class path); it is mapped as an entity of this schema, as Hibernate maps it in the same persistence unit,"
        + " and listed in the snapshot");
    assertThat(StrataProject.read(project.snapshot())).isEqualTo("""
        strata snapshot version 1
        head 20261126_101500_72t7
        entity a.A
        entity b.B

        table a
        column a b_id bigint
        column a id bigint not null
        primary key a a_pkey (id)
        foreign key a fke63x6rd6rlj8wa6jcu11fcf4a (b_id) references b (id)

        table b
        column b id bigint not null
        primary key b b_pkey (id)
        """);
    assertThat(project.revisionFiles().keySet()).containsExactly("R20261126_101500_72t7_CreateTableA.java");
  }

  @Test
  void aLaterCompileOfTheSameModuleChangesNothing() throws IOException {
    StrataProject project = new StrataProject(dir);
    File classes = compiledClasses(B);
    assertThat(compile(project, classes, A)).succeeded();

    Compilation second = Compiler.javac().withProcessors(new StrataProcessor()).withOptions(project.options())
        .withClasspath(classPathWith(classes)).compile(project.withRevisions(A));

    assertThat(second).succeededWithoutWarnings();
    assertThat(project.revisionFiles()).hasSize(1);
  }

  @Test
  void relationsInsideEmbeddablesSuperclassesAndJoinTablesReachClassPathEntities() throws IOException {
    StrataProject project = new StrataProject(dir);
    File classes = compiledClasses(B, JavaFileObjects.forSourceString("b.C", """
        package b;
        import jakarta.persistence.*;
        @Entity
        public class C {
          @Id Long id;
          @ManyToOne D d;
        }
        """), JavaFileObjects.forSourceString("b.D", """
        package b;
        import jakarta.persistence.*;
        @Entity @Inheritance(strategy = InheritanceType.JOINED)
        public class D {
          @Id Long id;
        }
        """), JavaFileObjects.forSourceString("b.E", """
        package b;
        import jakarta.persistence.*;
        @Entity
        public class E {
          @Id Long id;
        }
        """));

    Compilation compilation = compile(project, classes, JavaFileObjects.forSourceString("a.Holder", """
        package a;
        import jakarta.persistence.*;
        import java.util.*;
        @Embeddable
        public class Holder {
          @ManyToOne b.E e;
        }
        """), JavaFileObjects.forSourceString("a.Sub", """
        package a;
        import jakarta.persistence.*;
        import java.util.*;
        @Entity
        public class Sub extends b.D {
          @ManyToMany Set<b.C> cs;
          @ElementCollection List<Holder> holders;
        }
        """));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("Strata: the compiled entities refer to b.C, b.D, b.E, compiled"
        + " elsewhere (on the class path); they are mapped as entities of this schema, as Hibernate maps them in the"
        + " same persistence unit, and listed in the snapshot");
    assertThat(StrataProject.read(project.snapshot())).isEqualTo("""
        strata snapshot version 1
        head 20261126_101500_72t7
        entity a.Sub
        entity b.C
        entity b.D
        entity b.E

        table c
        column c d_id bigint
        column c id bigint not null
        primary key c c_pkey (id)
        foreign key c fkevdpfiaf5sqn0ygwmtdwepra8 (d_id) references d (id)

        table d
        column d id bigint not null
        primary key d d_pkey (id)

        table e
        column e id bigint not null
        primary key e e_pkey (id)

        table sub
        column sub id bigint not null
        primary key sub sub_pkey (id)
        foreign key sub fkbukrg1c8dse7gy1p4ltvsh9j6 (id) references d (id)

        table sub_c
        column sub_c cs_id bigint not null
        column sub_c sub_id bigint not null
        primary key sub_c sub_c_pkey (sub_id, cs_id)
        foreign key sub_c fk6k0vklskjw7dfs57itv03kc7h (cs_id) references c (id)
        foreign key sub_c fkm7sxgu65080ah4essdk19k4rp (sub_id) references sub (id)

        table sub_holders
        column sub_holders e_id bigint
        column sub_holders sub_id bigint not null
        foreign key sub_holders fk4r050l44usy0y53mnm9x9dvnn (e_id) references e (id)
        foreign key sub_holders fkp2w30iuw0k6y4a7pofwoxmjsl (sub_id) references sub (id)
        """);
  }

  @Test
  void anErrorInAClassPathEntityIsReportedAndNothingIsWritten() throws IOException {
    StrataProject project = new StrataProject(dir);
    File classes = compiledClasses(JavaFileObjects.forSourceString("b.B", """
        package b;
        import jakarta.persistence.*;
        @Entity
        public class B {
          Long id;
        }
        """));

    Compilation compilation = compile(project, classes, A);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[STRATA-111] A.b refers to entity B, which has no identifier Strata"
        + " can map; fix that entity's @Id").inFile(A).onLine(6);
    // B is a class file: javac reports its error without a source position.
    assertThat(compilation).hadErrorContaining("[STRATA-106] entity B has no identifier; annotate the field (or"
        + " getter) that holds its primary key with @Id");
    assertThat(compilation.errors().get(1).getSource()).isNull();
    assertThat(compilation.errors().stream().map(e -> e.getMessage(null)).toList().toString())
        .doesNotContain("STRATA-900");
    assertThat(Files.exists(project.snapshot())).isFalse();
    assertThat(project.revisionFiles()).isEmpty();
  }

  // ---- auto-applied converters in another package --------------------------------------------------

  static final JavaFileObject MONEY = JavaFileObjects.forSourceString("com.acme.money.Money", """
      package com.acme.money;
      public record Money(long cents) {}
      """);

  static final JavaFileObject MONEY_CONVERTER = JavaFileObjects.forSourceString("com.acme.money.MoneyConverter", """
      package com.acme.money;
      import jakarta.persistence.*;
      @Converter(autoApply = true)
      public class MoneyConverter implements AttributeConverter<Money, String> {
        public String convertToDatabaseColumn(Money m) { return m == null ? null : Long.toString(m.cents()); }
        public Money convertToEntityAttribute(String s) { return s == null ? null : new Money(Long.parseLong(s)); }
      }
      """);

  static final JavaFileObject INVOICE = JavaFileObjects.forSourceString("com.acme.shop.Invoice", """
      package com.acme.shop;
      import jakarta.persistence.*;
      import com.acme.money.Money;
      @Entity
      public class Invoice {
        @Id Long id;
        Money total;
      }
      """);

  static final JavaFileObject INVOICE_V2 = JavaFileObjects.forSourceString("com.acme.shop.Invoice", """
      package com.acme.shop;
      import jakarta.persistence.*;
      import com.acme.money.Money;
      @Entity
      public class Invoice {
        @Id Long id;
        Money total;
        Money tax;
      }
      """);

  @Test
  void aPartialCompileStillAppliesAnAutoAppliedConverterFromAnotherPackage() throws IOException {
    StrataProject project = new StrataProject(dir);
    assertThat(project.compile(MONEY, MONEY_CONVERTER, INVOICE)).succeeded();
    assertThat(StrataProject.read(project.snapshot())).isEqualTo("""
        strata snapshot version 1
        head 20261126_101500_72t7
        entity com.acme.money.MoneyConverter
        entity com.acme.shop.Invoice

        table invoice
        column invoice id bigint not null
        column invoice total varchar(255)
        primary key invoice invoice_pkey (id)
        """);
    File classes = compiledClasses(MONEY, MONEY_CONVERTER);

    // Only the changed entity is compiled; Money and its converter are classes, as in an incremental build.
    Compilation partial = Compiler.javac().withProcessors(new StrataProcessor())
        .withOptions(project.options("-Astrata.now=2026-11-27T08:00:00Z"))
        .withClasspath(classPathWith(classes)).compile(project.withRevisions(INVOICE_V2));

    assertThat(partial).succeededWithoutWarnings();
    assertThat(project.revisionFiles().keySet()).contains("R20261127_080000_72t7_AddColumnInvoiceTax.java");
    assertThat(StrataProject.read(project.snapshot())).isEqualTo("""
        strata snapshot version 1
        head 20261127_080000_72t7
        entity com.acme.money.MoneyConverter
        entity com.acme.shop.Invoice

        table invoice
        column invoice id bigint not null
        column invoice tax varchar(255)
        column invoice total varchar(255)
        primary key invoice invoice_pkey (id)
        """);
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  private Compilation compile(StrataProject project, File classes, JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new StrataProcessor()).withOptions(project.options())
        .withClasspath(classPathWith(classes)).compile(sources);
  }

  /** Compiles {@code sources} without processors, as another module's build did, into the classes directory. */
  private File compiledClasses(JavaFileObject... sources) throws IOException {
    Compilation compilation = Compiler.javac().withOptions("-proc:none").compile(sources);
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      Path target = classesDir.resolve(path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (var in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
    return classesDir.toFile();
  }

  private static List<File> classPathWith(File classes) {
    List<File> path = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    path.add(classes);
    return path;
  }
}
