package dev.strata.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @RenamedFrom} on relations, swaps left in the source, and hints that name nothing. */
class RenamedFromTest {
  @TempDir Path dir;

  private static JavaFileObject purchase(String fields) {
    return JavaFileObjects.forSourceString("com.acme.shop.Purchase", """
        package com.acme.shop;

        import dev.strata.runtime.RenamedFrom;
        import jakarta.persistence.*;

        @Entity
        public class Purchase {
          @Id
          private Long id;
        %s}
        """.formatted(fields));
  }

  private Compilation compile(StrataProject project, String now, JavaFileObject... sources) {
    return project.compile(project.options("-Astrata.now=" + now), project.withRevisions(sources));
  }

  private String newest(StrataProject project) {
    List<Path> files = List.copyOf(project.revisionFiles().values());
    return StrataProject.read(files.get(files.size() - 1));
  }

  @Test
  void renamedFromOnAManyToOneRenamesTheJoinColumn() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z", Sources.CUSTOMER,
        purchase("  @ManyToOne\n  private Customer owner;\n"))).succeeded();
    JavaFileObject renamed = purchase("  @RenamedFrom(\"owner_id\") @ManyToOne\n  private Customer buyer;\n");
    Compilation compilation = compile(project, "2026-11-27T09:00:00Z", Sources.CUSTOMER, renamed);
    assertThat(compilation).succeeded();
    // The foreign key's name is Hibernate's hash of the column: it is added again under the new one.
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[STRATA-511] adding foreign key fkghwm70iq1cjc11votliquw0px to"
        + " purchase").inFile(renamed).onLine(7);
    assertThat(newest(project)).contains("""
        <pre>
         * alter table purchase drop constraint fke49oc9xga1ariwr5kayc7i7vp;
         * alter table purchase rename column owner_id to buyer_id;
         * alter table purchase add constraint fkghwm70iq1cjc11votliquw0px foreign key (buyer_id) references customer (id);
         * </pre>""");
    assertThat(newest(project)).contains("""
            public void downgrade(Operations op) {
                op.dropForeignKey(QualifiedName.of("purchase"), ForeignKey.of("fkghwm70iq1cjc11votliquw0px", List.of("buyer_id"), QualifiedName.of("customer"), List.of("id")));
                op.renameColumn(QualifiedName.of("purchase"), "buyer_id", "owner_id");
                op.addForeignKey(QualifiedName.of("purchase"), ForeignKey.of("fke49oc9xga1ariwr5kayc7i7vp", List.of("owner_id"), QualifiedName.of("customer"), List.of("id")));
            }
        """);
  }

  @Test
  void renamedFromOnAOneToOneRenamesTheJoinColumnAndItsUniqueConstraintFollows() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z", Sources.CUSTOMER,
        purchase("  @OneToOne @JoinColumn(name = \"owner\")\n  private Customer owner;\n"))).succeeded();
    JavaFileObject renamed = purchase("  @RenamedFrom(\"owner\") @OneToOne\n  private Customer buyer;\n");
    Compilation compilation = compile(project, "2026-11-27T09:00:00Z", Sources.CUSTOMER, renamed);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2); // the unique constraint and the foreign key are added again
    assertThat(newest(project)).contains("""
        <pre>
         * alter table purchase drop constraint fkt4imiha2aqhmphfnkkiu9ygcu;
         * alter table purchase drop constraint purchase_owner_key;
         * alter table purchase rename column owner to buyer_id;
         * alter table purchase add constraint purchase_buyer_id_key unique (buyer_id);
         * alter table purchase add constraint fkghwm70iq1cjc11votliquw0px foreign key (buyer_id) references customer (id);
         * </pre>""");
  }

  @Test
  void renamedFromThatNamesNoColumnIsAnError() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z", Sources.CUSTOMER,
        purchase("  @ManyToOne\n  private Customer owner;\n"))).succeeded();
    Map<Path, FileTime> before = project.fileTimes();
    JavaFileObject renamed = purchase("  @RenamedFrom(\"owner\") @ManyToOne\n  private Customer buyer;\n");
    Compilation compilation = compile(project, "2026-11-27T09:00:00Z", Sources.CUSTOMER, renamed);
    assertThat(compilation).hadErrorContaining("[STRATA-525] @RenamedFrom(\"owner\") on the field of column"
        + " purchase.buyer_id: table purchase has no column owner to rename (nor a column buyer_id already); write"
        + " the old column's name exactly as in the database (for a relation, its join column's: owner_id), or"
        + " remove the annotation").inFile(renamed).onLine(11);
    assertThat(project.fileTimes()).isEqualTo(before);
  }

  @Test
  void renamedFromOnCompositeJoinColumnsIsAnError() {
    JavaFileObject account = JavaFileObjects.forSourceString("com.acme.shop.Account", """
        package com.acme.shop;

        import jakarta.persistence.*;

        @Entity
        @IdClass(Account.Key.class)
        public class Account {
          @Id String region;
          @Id Long number;

          public static class Key implements java.io.Serializable {
            String region;
            Long number;
          }
        }
        """);
    JavaFileObject renamed = purchase("  @RenamedFrom(\"owner_region\") @ManyToOne\n  private Account buyer;\n");
    Compilation compilation = new StrataProject(dir).compile(account, renamed);
    assertThat(compilation).hadErrorContaining("@RenamedFrom on Purchase.buyer: the relationship has 2 join columns"
        + " (buyer_number, buyer_region) and @RenamedFrom names one old column; keep their old names with"
        + " @JoinColumn(name = ...) in @JoinColumns, or remove @RenamedFrom (the columns are then dropped and added)")
        .inFile(renamed).onLine(10);
  }

  @Test
  void renamedFromOnAnEmbeddedValueIsAnError() {
    JavaFileObject address = JavaFileObjects.forSourceString("com.acme.shop.Address", """
        package com.acme.shop;

        @jakarta.persistence.Embeddable
        public class Address {
          String street;
        }
        """);
    JavaFileObject renamed = purchase("  @RenamedFrom(\"home\") @Embedded\n  private Address address;\n");
    Compilation compilation = new StrataProject(dir).compile(address, renamed);
    assertThat(compilation).hadErrorContaining("@RenamedFrom on Purchase.address: an embedded value has a column per"
        + " attribute of its class; put @RenamedFrom on the attributes of com.acme.shop.Address whose columns were"
        + " renamed, or use @AttributeOverride(name, column) here to keep the old names").inFile(renamed).onLine(10);
  }

  @Test
  void renamedFromOnAnAttributeOfAnEmbeddableRenamesItsColumn() {
    StrataProject project = new StrataProject(dir);
    JavaFileObject purchase = purchase("  @Embedded\n  private Address address;\n");
    assertThat(compile(project, "2026-11-27T08:00:00Z", purchase, JavaFileObjects.forSourceString(
        "com.acme.shop.Address", """
        package com.acme.shop;

        @jakarta.persistence.Embeddable
        public class Address {
          String street;
        }
        """))).succeeded();
    JavaFileObject renamed = JavaFileObjects.forSourceString("com.acme.shop.Address", """
        package com.acme.shop;

        @jakarta.persistence.Embeddable
        public class Address {
          @dev.strata.runtime.RenamedFrom("street") @jakarta.persistence.Column(name = "street_line") String street;
        }
        """);
    Compilation compilation = compile(project, "2026-11-27T09:00:00Z", purchase, renamed);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(newest(project)).contains("""
         * alter table purchase rename column street to street_line;
        """);
  }

  @Test
  void renamedFromOnAToManyRelationshipIsAnError() {
    JavaFileObject renamed = purchase(
        "  @RenamedFrom(\"owners\") @ManyToMany\n  private java.util.Set<Customer> buyers;\n");
    Compilation compilation = new StrataProject(dir).compile(Sources.CUSTOMER, renamed);
    assertThat(compilation).hadErrorContaining("@RenamedFrom on Purchase.buyers: a to-many relationship has no"
        + " column in the entity's table to rename; put @RenamedFrom on the entity of the other side (its table) or"
        + " remove it").inFile(renamed).onLine(10);
  }

  @Test
  void renamedFromOnAnElementCollectionRenamesItsValueColumn() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z",
        purchase("  @ElementCollection\n  private java.util.Set<String> tags;\n"))).succeeded();
    JavaFileObject renamed = purchase(
        "  @RenamedFrom(\"tags\") @ElementCollection @CollectionTable(name = \"purchase_tags\")\n"
            + "  private java.util.Set<String> labels;\n");
    Compilation compilation = compile(project, "2026-11-27T09:00:00Z", renamed);
    assertThat(compilation).succeeded();
    assertThat(newest(project)).contains("""
         * alter table purchase_tags drop constraint purchase_tags_purchase_id_tags_key;
         * alter table purchase_tags rename column tags to labels;
         * alter table purchase_tags add constraint purchase_tags_purchase_id_labels_key unique (purchase_id, labels);
        """);
  }

  private static JavaFileObject item(String fields) {
    return JavaFileObjects.forSourceString("com.acme.shop.Item", """
        package com.acme.shop;

        import dev.strata.runtime.RenamedFrom;
        import jakarta.persistence.*;

        @Entity
        public class Item {
          @Id
          private Long id;
        %s}
        """.formatted(fields));
  }

  @Test
  void aSwapLeftInTheSourceIsNotMadeAgainAndCanBeRemoved() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z",
        item("  @Column(length = 10) String a;\n  @Column(length = 20) String b;\n"))).succeeded();
    JavaFileObject swapped = item("  @RenamedFrom(\"b\") @Column(length = 20) String a;\n"
        + "  @RenamedFrom(\"a\") @Column(length = 10) String b;\n");
    Compilation swap = compile(project, "2026-11-27T09:00:00Z", swapped);
    assertThat(swap).succeededWithoutWarnings();
    assertThat(newest(project)).contains("""
         * alter table item rename column a to strata_tmp_1;
         * alter table item rename column b to a;
         * alter table item rename column strata_tmp_1 to b;
        """);
    Map<Path, FileTime> before = project.fileTimes();

    Compilation again = compile(project, "2026-11-27T10:00:00Z", swapped);
    assertThat(again).succeededWithoutWarnings();
    assertThat(project.fileTimes()).isEqualTo(before);
    assertThat(again).hadNoteContaining("[STRATA-521] @RenamedFrom(\"b\") on the field of column item.a: an earlier"
        + " revision already made this exchange of names (column a already has the definition that b had); the"
        + " annotation can be removed").inFile(swapped).onLine(10);
    assertThat(again).hadNoteContaining("[STRATA-521] @RenamedFrom(\"a\") on the field of column item.b: an earlier"
        + " revision already made this exchange of names (column b already has the definition that a had); the"
        + " annotation can be removed").inFile(swapped).onLine(11);
  }

  /** A genuine chain after a swap: the swap's hints stay (done), and b is renamed on to c. */
  @Test
  void aRenameAfterASwapIsMadeWhileTheSwapIsNotMadeAgain() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z",
        item("  @Column(length = 10) String a;\n  @Column(length = 20) String b;\n"))).succeeded();
    assertThat(compile(project, "2026-11-27T09:00:00Z", item("  @RenamedFrom(\"b\") @Column(length = 20) String a;\n"
        + "  @RenamedFrom(\"a\") @Column(length = 10) String b;\n"))).succeeded();
    JavaFileObject chained = item("  @RenamedFrom(\"b\") @Column(length = 20) String a;\n"
        + "  @RenamedFrom(\"b\") @Column(length = 10) String c;\n");
    Compilation compilation = compile(project, "2026-11-27T10:00:00Z", chained);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(newest(project)).contains("""
        <pre>
         * alter table item rename column b to c;
         * </pre>""");
  }

  @Test
  void aSwapOfColumnsThatLookTheSameIsNotMade() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z", item("  String a;\n  String b;\n"))).succeeded();
    Map<Path, FileTime> before = project.fileTimes();
    JavaFileObject swapped = item("  @RenamedFrom(\"b\") String a;\n  @RenamedFrom(\"a\") String b;\n");
    Compilation compilation = compile(project, "2026-11-27T09:00:00Z", swapped);
    assertThat(compilation).succeeded();
    assertThat(project.fileTimes()).isEqualTo(before);
    assertThat(compilation).hadWarningContaining("[STRATA-524] @RenamedFrom(\"b\") on the field of column item.a:"
        + " the columns exchanging names (a, b) have the same definition, so Strata cannot tell whether the exchange"
        + " is still to be made or an earlier revision made it, and does not make it; remove the annotations if it"
        + " was made, or write the renames into a revision by hand (-Astrata.empty=true -Astrata.message=...)")
        .inFile(swapped).onLine(10);
  }

  /** Two exchanges in one table: each message names the columns of its own exchange. */
  @Test
  void eachUndecidableSwapNamesItsOwnColumns() {
    StrataProject project = new StrataProject(dir);
    assertThat(compile(project, "2026-11-27T08:00:00Z", item("  String a;\n  String b;\n  Integer c;\n"
        + "  Integer d;\n"))).succeeded();
    JavaFileObject swapped = item("  @RenamedFrom(\"b\") String a;\n  @RenamedFrom(\"a\") String b;\n"
        + "  @RenamedFrom(\"d\") Integer c;\n  @RenamedFrom(\"c\") Integer d;\n");
    Compilation compilation = compile(project, "2026-11-27T09:00:00Z", swapped);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[STRATA-524] @RenamedFrom(\"b\") on the field of column item.a:"
        + " the columns exchanging names (a, b) have the same definition").inFile(swapped).onLine(10);
    assertThat(compilation).hadWarningContaining("[STRATA-524] @RenamedFrom(\"d\") on the field of column item.c:"
        + " the columns exchanging names (c, d) have the same definition").inFile(swapped).onLine(12);
  }
}
