package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table-level constraints and indexes: {@code @Table(uniqueConstraints, indexes)} named and unnamed,
 * {@code @Index} with several columns, ASC/DESC and {@code unique}, JPA 3.2 {@code @CheckConstraint}
 * on the table and the column, {@code comment} on {@code @Table} and {@code @Column}, a table in
 * another schema, and quoted names.
 */
class ConstraintsOracleTest {

  private static final String ACCOUNT = """
      package cons;

      import jakarta.persistence.*;
      import java.time.LocalDate;

      @Entity
      @Table(name = "account",
          uniqueConstraints = {
            @UniqueConstraint(columnNames = {"tenant", "login"}),
            @UniqueConstraint(name = "uk_account_email", columnNames = "email")
          },
          indexes = {
            @Index(columnList = "created"),
            @Index(name = "idx_account_tenant_created", columnList = "tenant, created DESC"),
            @Index(columnList = "last_name ASC, first_name"),
            @Index(name = "ux_account_badge", columnList = "badge", unique = true),
            @Index(columnList = "nickname", unique = true),
            @Index(columnList = "lastSeen")
          },
          check = @CheckConstraint(name = "account_dates", constraint = "closed is null or closed >= created"),
          comment = "Everyone who can sign in")
      public class Account {
        @Id @GeneratedValue Long id;
        @Column(nullable = false, length = 40) String tenant;
        @Column(nullable = false, length = 60) String login;
        @Column(length = 120) String email;
        @Column(name = "first_name") String firstName;
        @Column(name = "last_name") String lastName;
        Integer badge;
        String nickname;
        @Column(nullable = false) LocalDate created;
        LocalDate closed;
        java.time.Instant lastSeen;
        @Column(check = @CheckConstraint(name = "account_age_positive", constraint = "age > 0"),
            comment = "Years, when known")
        Integer age;
        @Column(comment = "Shown on the profile page") String bio;
      }
      """;

  private static final String LEDGER = """
      package cons;

      import jakarta.persistence.*;

      @Entity
      @Table(schema = "finance", name = "ledger_entry",
          indexes = @Index(columnList = "account_id, booked"),
          uniqueConstraints = @UniqueConstraint(columnNames = {"reference"}))
      public class LedgerEntry {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @ManyToOne(optional = false) Account account;
        java.time.Instant booked;
        @Column(length = 36) String reference;
      }
      """;

  private static final String QUOTED = """
      package cons;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "\\"MixedCase\\"", indexes = @Index(columnList = "\\"DisplayName\\""))
      public class Quoted {
        @Id Long id;
        @Column(name = "\\"DisplayName\\"", length = 50) String displayName;
      }
      """;

  private static final String MEMBERSHIP = """
      package cons;

      import jakarta.persistence.*;

      @Entity
      @IdClass(Membership.Key.class)
      @Table(uniqueConstraints = @UniqueConstraint(columnNames = {"team", "member"}))
      public class Membership {
        public static class Key implements java.io.Serializable {
          String team;
          String member;
        }

        @Id @Column(length = 20) String team;
        @Id @Column(length = 20) String member;
      }
      """;

  @TempDir Path dir;

  @Test
  void constraintsIndexesChecksAndCommentsMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "constraints")
        .source("cons/Account.java", ACCOUNT)
        .source("cons/LedgerEntry.java", LEDGER)
        .source("cons/Quoted.java", QUOTED)
        .source("cons/Membership.java", MEMBERSHIP)
        .hibernateSetting("hibernate.hbm2ddl.create_namespaces", "true")
        .run()
        .assertOnly();
  }
}
