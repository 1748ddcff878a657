package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's {@code @DiscriminatorFormula} on SINGLE_TABLE hierarchies: no discriminator column and
 * no check of its values, while each concrete subclass's not-null check starts with the formula (a
 * STRING formula with the entity names as values, and an INTEGER one over a mapped column). A
 * concrete root's primitive with an explicit {@code @Column} (nullable, yet not optional) is required by
 * the check of each subclass directly below it, with a formula or a discriminator column alike.
 */
class DiscriminatorFormulaOracleTest {

  private static final String VEHICLE = """
      package formula;

      import jakarta.persistence.*;
      import org.hibernate.annotations.DiscriminatorFormula;

      @Entity
      @DiscriminatorFormula("case when wheels > 4 then 'Truck' else 'Car' end")
      public abstract class Vehicle {
        @Id Long id;
        int wheels;
      }
      """;

  private static final String CAR = """
      package formula;

      import jakarta.persistence.*;

      @Entity
      public class Car extends Vehicle {
        @Column(nullable = false, length = 12) String plate;
        Integer seats;
      }
      """;

  private static final String TRUCK = """
      package formula;

      import jakarta.persistence.*;

      @Entity
      public class Truck extends Vehicle {
        int axles;
        @Basic(optional = false) Double payload;
      }
      """;

  private static final String ACCOUNT = """
      package formula;

      import jakarta.persistence.*;
      import org.hibernate.annotations.DiscriminatorFormula;

      @Entity
      @DiscriminatorFormula(value = "kind_code", discriminatorType = DiscriminatorType.INTEGER)
      @DiscriminatorValue("0")
      public class Account {
        @Id Long id;
        @Column(name = "kind_code") int kindCode;
      }
      """;

  private static final String SAVINGS = """
      package formula;

      import jakarta.persistence.*;

      @Entity
      @DiscriminatorValue("1")
      public class Savings extends Account {
        @Column(nullable = false) java.math.BigDecimal rate;
      }
      """;

  /** The same shape with a discriminator column, for comparison. */
  private static final String PLAN = """
      package formula;

      import jakarta.persistence.*;

      @Entity
      public class Plan {
        @Id Long id;
        @Column(name = "tier") int tier;
      }
      """;

  private static final String PREMIUM = """
      package formula;

      import jakarta.persistence.*;

      @Entity
      public class Premium extends Plan {
        String perk;
      }
      """;

  @TempDir Path dir;

  @Test
  void formulaDiscriminatorsMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "discriminator-formula")
        .source("formula/Vehicle.java", VEHICLE)
        .source("formula/Car.java", CAR)
        .source("formula/Truck.java", TRUCK)
        .source("formula/Account.java", ACCOUNT)
        .source("formula/Savings.java", SAVINGS)
        .source("formula/Plan.java", PLAN)
        .source("formula/Premium.java", PREMIUM)
        .run()
        .assertOnly();
  }
}
