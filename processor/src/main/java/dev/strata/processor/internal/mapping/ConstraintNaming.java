package dev.strata.processor.internal.mapping;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names of foreign keys, unique constraints and indexes that the mapping leaves unnamed; option
 * {@code strata.constraintNaming}.
 *
 * <p>{@link #HIBERNATE} (the default) gives exactly the names Hibernate 7 gives them, so that a
 * database Hibernate created can be adopted and later revisions drop the right constraint: its
 * {@code ImplicitNamingStrategyJpaCompliantImpl.generateConstraintName} with
 * {@code NamingHelper.generateHashedFkName}/{@code generateHashedConstraintName} for foreign keys
 * ({@code FK...}) and indexes ({@code IDX...}). Unique constraints are different: on PostgreSQL,
 * Hibernate 7.4's {@code create} writes every unnamed one inline and unnamed, in the
 * {@code create table} statement ({@code unique (sku, customer_id)}, also for
 * {@code @Column(unique = true)} and {@code @Index(unique = true)}), so the names in the database are
 * PostgreSQL's own: {@code <table>_<columns>_key}. {@link #READABLE} gives {@code fk_<table>_<columns>}, {@code uk_<table>_<columns>} and
 * {@code idx_<table>_<columns>}.
 */
public enum ConstraintNaming {
  HIBERNATE("hibernate"),
  READABLE("readable");

  private final String option;

  ConstraintNaming(String option) {
    this.option = option;
  }

  /** The value of {@code strata.constraintNaming} that selects it. */
  public String option() {
    return option;
  }

  /**
   * An unnamed foreign key's name in the database.
   *
   * @param table the physical name of the referencing table
   * @param referencedTable the physical name of the referenced table
   * @param columns the physical names of the referencing columns
   */
  public String foreignKey(Name table, Name referencedTable, List<Name> columns) {
    if (this == READABLE) {
      return readable("fk", table, columns);
    }
    StringBuilder text = new StringBuilder()
        .append("table`").append(table.hibernateText()).append('`')
        .append("references`").append(referencedTable.hibernateText()).append('`');
    appendColumns(text, columns);
    return Name.unquoted("FK" + hashedName(text.toString())).database();
  }

  /**
   * An unnamed unique constraint's name ({@code @Column(unique = true)}, {@code @Table(uniqueConstraints)},
   * {@code @Index(unique = true)}, one-to-one keys): PostgreSQL's {@code <table>_<columns>_key} (its
   * {@code ChooseIndexNameAddition} joins the column names with underscores), or
   * {@code uk_<table>_<columns>} with the readable naming.
   */
  public String uniqueKey(Name table, List<Name> columns) {
    if (this == READABLE) {
      return readable("uk", table, columns);
    }
    StringBuilder joined = new StringBuilder();
    for (Name column : columns) {
      if (joined.length() > 0) {
        joined.append('_');
      }
      joined.append(column.database());
    }
    return PostgresNames.objectName(table.database(), joined.toString(), "key");
  }

  /** An unnamed index's name ({@code @Index} without a name). */
  public String index(Name table, List<Name> columns) {
    return this == READABLE ? readable("idx", table, columns) : hashed("IDX", table, columns);
  }

  private static String hashed(String prefix, Name table, List<Name> columns) {
    StringBuilder text = new StringBuilder().append("table`").append(table.hibernateText()).append('`');
    appendColumns(text, columns);
    return Name.unquoted(prefix + hashedName(text.toString())).database();
  }

  /** Columns in alphabetical order of their names, so the hash does not depend on their order. */
  private static void appendColumns(StringBuilder text, List<Name> columns) {
    List<Name> sorted = new ArrayList<>(columns);
    // Hibernate sorts by Identifier.getCanonicalName(): the text for quoted names, else lower case.
    sorted.sort(Comparator.comparing(ConstraintNaming::canonical));
    for (Name column : sorted) {
      text.append("column`").append(column.hibernateText()).append('`');
    }
  }

  private static String canonical(Name name) {
    return name.quoted() ? name.text() : name.text().toLowerCase(java.util.Locale.ENGLISH);
  }

  /** {@code NamingHelper.hashedName}: the MD5 digest of the text, as a positive number in base 35. */
  static String hashedName(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, digest).toString(35);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  private static String readable(String prefix, Name table, List<Name> columns) {
    StringBuilder text = new StringBuilder(prefix).append('_').append(table.database());
    for (Name column : columns) {
      text.append('_').append(column.database());
    }
    return PostgresNames.truncate(text.toString());
  }
}
