package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Inheritance}: SINGLE_TABLE (implicit and with {@code @DiscriminatorColumn}, subclass
 * columns made nullable, the per-subclass checks), JOINED (with and without
 * {@code @PrimaryKeyJoinColumn}) and TABLE_PER_CLASS (abstract root, the root's sequence), with a
 * mapped superclass above a root and relationships to classes inside hierarchies.
 */
class InheritanceOracleTest {

  private static final String AUDITED = """
      package inh;

      import jakarta.persistence.*;

      @MappedSuperclass
      public abstract class Audited {
        @Column(nullable = false) java.time.Instant createdAt;
        @Version int version;
      }
      """;

  private static final String ANIMAL = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      public class Animal extends Audited {
        @Id @GeneratedValue Long id;
        @Column(nullable = false, length = 40) String name;
      }
      """;

  private static final String DOG = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      public class Dog extends Animal {
        boolean barks;
        @Basic(optional = false) String breed;
        @ManyToOne(optional = false) Owner owner;
      }
      """;

  private static final String CAT = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      @DiscriminatorValue("kitty")
      public class Cat extends Animal {
        int lives;
        @Column(nullable = false) String colour;
      }
      """;

  private static final String OWNER = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      public class Owner {
        @Id @GeneratedValue Long id;
        @ManyToOne Animal favourite;
        @OneToOne Payment lastPayment;
        @ManyToOne Vehicle vehicle;
      }
      """;

  private static final String PAYMENT = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      @Inheritance(strategy = InheritanceType.JOINED)
      @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.CHAR)
      @DiscriminatorValue("P")
      public class Payment {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(precision = 10, scale = 2, nullable = false) java.math.BigDecimal amount;
      }
      """;

  private static final String CARD_PAYMENT = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      @DiscriminatorValue("C")
      @PrimaryKeyJoinColumn(name = "payment_id")
      public class CardPayment extends Payment {
        @Column(length = 4) String last4;
        int expiryYear;
      }
      """;

  private static final String BANK_PAYMENT = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      @DiscriminatorValue("B")
      public class BankPayment extends Payment {
        @Column(nullable = false, length = 34) String iban;
      }
      """;

  private static final String VEHICLE = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
      public abstract class Vehicle {
        @Id @GeneratedValue Long id;
        @Column(unique = true, length = 12) String plate;
      }
      """;

  private static final String CAR = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      public class Car extends Vehicle {
        int seats;
      }
      """;

  private static final String TRUCK = """
      package inh;

      import jakarta.persistence.*;

      @Entity
      public class Truck extends Vehicle {
        @Column(nullable = false) Double payload;
      }
      """;

  @TempDir Path dir;

  @Test
  void inheritanceMatchesHibernate() throws Exception {
    SchemaOracle.in(dir, "inheritance")
        .source("inh/Audited.java", AUDITED)
        .source("inh/Animal.java", ANIMAL)
        .source("inh/Dog.java", DOG)
        .source("inh/Cat.java", CAT)
        .source("inh/Owner.java", OWNER)
        .source("inh/Payment.java", PAYMENT)
        .source("inh/CardPayment.java", CARD_PAYMENT)
        .source("inh/BankPayment.java", BANK_PAYMENT)
        .source("inh/Vehicle.java", VEHICLE)
        .source("inh/Car.java", CAR)
        .source("inh/Truck.java", TRUCK)
        .run()
        .assertOnly();
  }
}
