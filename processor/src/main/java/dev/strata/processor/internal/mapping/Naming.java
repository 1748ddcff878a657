package dev.strata.processor.internal.mapping;

import java.util.Locale;

/**
 * How names that the mapping does not give are made, and how every name becomes the name in the
 * database; option {@code strata.naming}.
 *
 * <p>{@link #JPA} is Hibernate's default: {@code ImplicitNamingStrategyJpaCompliantImpl} with
 * {@code PhysicalNamingStrategyStandardImpl} (names used as they are). {@link #SNAKE_CASE} is what
 * Spring Boot configures by default: {@code SpringImplicitNamingStrategy} (which differs from JPA's
 * only in join-table names) with Hibernate's {@code CamelCaseToUnderscoresNamingStrategy}.
 */
public enum Naming {
  JPA("jpa"),
  SNAKE_CASE("snake_case");

  private final String option;

  Naming(String option) {
    this.option = option;
  }

  /** The value of {@code strata.naming} that selects it. */
  public String option() {
    return option;
  }

  /** The physical name Hibernate writes into its DDL for a logical (explicit or implicit) name. */
  public Name physical(Name logical) {
    if (this == JPA || logical.quoted()) {
      return logical;
    }
    return Name.unquoted(snakeCase(logical.text()));
  }

  /**
   * Hibernate 7.4's {@code PhysicalNamingStrategySnakeCaseImpl} (of which
   * {@code CamelCaseToUnderscoresNamingStrategy} is a deprecated alias): dots become underscores, an
   * underscore goes before each upper-case letter that follows a lower-case letter or digit and is
   * followed by one, then everything is lower-cased. So {@code orderLine} is {@code order_line},
   * {@code address2Line} is {@code address2_line}, and {@code HTTPServer} stays {@code httpserver}.
   */
  static String snakeCase(String name) {
    StringBuilder out = new StringBuilder(name.replace('.', '_'));
    for (int i = 1; i < out.length() - 1; i++) {
      char before = out.charAt(i - 1);
      char current = out.charAt(i);
      char after = out.charAt(i + 1);
      if ((Character.isLowerCase(before) || Character.isDigit(before))
          && Character.isUpperCase(current)
          && (Character.isLowerCase(after) || Character.isDigit(after))) {
        out.insert(i++, '_');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** A logical name the mapping did not give, built by the implicit naming strategy. */
  private static Name implicit(String text) {
    return Name.parse(text);
  }

  /** An entity's table: its JPA entity name ({@code @Entity(name)}, else the unqualified class name). */
  public Name table(String entityName) {
    return implicit(entityName);
  }

  /** A basic attribute's column: the attribute's name (the last part of its path). */
  public Name column(String attributeName) {
    return implicit(attributeName);
  }

  /**
   * A join column: {@code <attribute>_<referenced column>}, or {@code <entity name>_<referenced
   * column>} where there is no attribute (collection tables, the owner side of join tables).
   *
   * @param referencedColumn the physical name of the referenced column, as Hibernate has it
   */
  public Name joinColumn(String attributeOrEntityName, Name referencedColumn) {
    return implicit(attributeOrEntityName + "_" + referencedColumn.text());
  }

  /**
   * A join table: JPA's {@code <owning table>_<other table>} (physical names), or with Spring Boot's
   * naming {@code <owning table>_<attribute>}.
   */
  public Name joinTable(Name owningTable, Name otherTable, String attribute) {
    return this == JPA
        ? implicit(owningTable.text() + "_" + otherTable.text())
        : implicit(owningTable.text() + "_" + attribute);
  }

  /** A collection table ({@code @ElementCollection}): {@code <entity name>_<attribute>}. */
  public Name collectionTable(String entityName, String attribute) {
    return implicit(entityName + "_" + attribute);
  }

  /** A map's key column: {@code <attribute>_KEY}. */
  public Name mapKeyColumn(String attribute) {
    return implicit(attribute + "_KEY");
  }

  /** A list's order column ({@code @OrderColumn} without a name): {@code <attribute>_ORDER}. */
  public Name orderColumn(String attribute) {
    return implicit(attribute + "_ORDER");
  }

  /** The discriminator column of single-table inheritance: {@code DTYPE}. */
  public Name discriminatorColumn() {
    return implicit("DTYPE");
  }
}
