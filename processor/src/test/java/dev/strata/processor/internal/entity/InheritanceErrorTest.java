package dev.strata.processor.internal.entity;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.strata.processor.internal.entity.ReaderHarness.compile;
import static dev.strata.processor.internal.entity.ReaderHarness.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per message of entity inheritance; the model starts on line 6. */
class InheritanceErrorTest {

  private static void assertOneError(String model, String message, int line) {
    JavaFileObject src = source("Model", "class Model {}\n" + model);
    ReaderHarness.Result result = compile(src);
    assertThat(result.compilation).hadErrorCount(1);
    assertThat(result.compilation).hadErrorContaining(message).inFile(src).onLine(line);
  }

  @Test
  void tableOnASingleTableSubclassIsAnError() {
    assertOneError("""
        @Entity class Animal { @Id Long id; }
        @Entity @Table(name = "dogs") class Dog extends Animal { }
        """, "[STRATA-103] @Table on Dog: it is a subclass in the SINGLE_TABLE hierarchy of Animal, whose table it "
        + "shares; remove @Table, or choose another strategy with @Inheritance on the root", 7);
  }

  @Test
  void identifierInASubclassIsAnError() {
    assertOneError("""
        @Entity @Inheritance(strategy = InheritanceType.JOINED) class Animal { @Id Long id; }
        @Entity class Dog extends Animal {
          @Id Long dogId; }
        """, "[STRATA-103] @Id on Dog.dogId: Dog is a subclass of entity Animal, which declares the identifier of the "
        + "hierarchy; remove @Id", 8);
  }

  @Test
  void identityInATablePerClassHierarchyIsAnError() {
    assertOneError("""
        @Entity @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS) abstract class Payment {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id; }
        @Entity class Card extends Payment { }
        """, "[STRATA-105] @GeneratedValue(strategy = IDENTITY) on Payment.id: the rows of a TABLE_PER_CLASS "
        + "hierarchy live in several tables, and one identity column per table would give two rows the same id "
        + "(Hibernate refuses it too); use SEQUENCE, or another inheritance strategy", 7);
  }

  @Test
  void integerDiscriminatorWithoutValueIsAnError() {
    assertOneError("""
        @Entity @DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER) @DiscriminatorValue("1")
        class Vehicle { @Id Long id; }
        @Entity class Car extends Vehicle { }
        """, "[STRATA-107] entity Car has no @DiscriminatorValue, and its hierarchy's discriminator is an INTEGER "
        + "(Hibernate would use the hash code of the entity name); give it @DiscriminatorValue(\"<number>\")", 8);
  }

  @Test
  void charDiscriminatorWithoutValueIsAnError() {
    assertOneError("""
        @Entity @DiscriminatorColumn(discriminatorType = DiscriminatorType.CHAR) @DiscriminatorValue("V")
        class Vehicle { @Id Long id; }
        @Entity class Car extends Vehicle { }
        """, "[STRATA-103] entity Car has no @DiscriminatorValue, and its hierarchy's discriminator is a CHAR; give it "
        + "@DiscriminatorValue(\"<one character>\")", 8);
  }

  @Test
  void nonNumericIntegerDiscriminatorValueIsAnError() {
    assertOneError("""
        @Entity @DiscriminatorColumn(discriminatorType = DiscriminatorType.INTEGER) @DiscriminatorValue("1")
        class Vehicle { @Id Long id; }
        @Entity @DiscriminatorValue("car") class Car extends Vehicle { }
        """, "[STRATA-102] @DiscriminatorValue(\"car\") on Car: the discriminator is an INTEGER, and \"car\" is not a "
        + "number; write a number", 8);
  }

  @Test
  void nullDiscriminatorValueIsAnError() {
    assertOneError("""
        @Entity class Vehicle { @Id Long id; }
        @Entity @DiscriminatorValue("null") class Car extends Vehicle { }
        """, "[STRATA-107] @DiscriminatorValue(\"null\") on Car: Strata does not support Hibernate's null and not-null "
        + "discriminator values; give the class a value of its own", 7);
  }

  @Test
  void primaryKeyJoinColumnsNotMatchingTheKeyAreAnError() {
    assertOneError("""
        class K implements java.io.Serializable { Long a; Long b; }
        @Entity @Inheritance(strategy = InheritanceType.JOINED) @IdClass(K.class) class Base { @Id Long a; @Id Long b; }
        @Entity @PrimaryKeyJoinColumn(name = "x") class Sub extends Base { }
        """, "[STRATA-111] entity Sub has 1 @PrimaryKeyJoinColumn but the key of Base has 2 columns; give one "
        + "@PrimaryKeyJoinColumn per key column", 8);
  }

  @Test
  void primaryKeyJoinColumnToANonKeyColumnIsAnError() {
    assertOneError("""
        @Entity @Inheritance(strategy = InheritanceType.JOINED) class Base { @Id Long id; String code; }
        @Entity @PrimaryKeyJoinColumn(name = "x", referencedColumnName = "code") class Sub extends Base { }
        """, "[STRATA-111] @PrimaryKeyJoinColumn(referencedColumnName = \"code\") on Sub: code is not a key column of "
        + "base; name one of id", 7);
  }

  @Test
  void discriminatorFormulaOutsideSingleTableOrWithAColumnIsAnError() {
    JavaFileObject formula = com.google.testing.compile.JavaFileObjects.forSourceString(
        "org.hibernate.annotations.DiscriminatorFormula", "package org.hibernate.annotations;\n"
            + "public @interface DiscriminatorFormula { String value(); }");
    JavaFileObject src = source("Model", """
        class Model {}
        @Entity @Inheritance(strategy = InheritanceType.JOINED) @DiscriminatorFormula("case when x then 1 end")
        class Vehicle { @Id Long id; }
        @Entity class Car extends Vehicle { }
        @Entity @DiscriminatorFormula("kind") @DiscriminatorColumn(name = "kind") class Account { @Id Long id; }
        @Entity class Savings extends Account { }
        """);
    ReaderHarness.Result result = compile(src, formula);
    assertThat(result.compilation).hadErrorCount(2);
    assertThat(result.compilation).hadErrorContaining("[STRATA-103] @DiscriminatorFormula on Vehicle: only a "
        + "SINGLE_TABLE hierarchy has a formula discriminator (Hibernate refuses it too); remove it, or use "
        + "SINGLE_TABLE").inFile(src).onLine(6);
    assertThat(result.compilation).hadErrorContaining("[STRATA-103] @DiscriminatorFormula and @DiscriminatorColumn "
        + "on Account: the discriminator is either computed or stored; remove one").inFile(src).onLine(9);
  }
}
