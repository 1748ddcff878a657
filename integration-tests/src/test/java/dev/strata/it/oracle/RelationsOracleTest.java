package dev.strata.it.oracle;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relationships: many-to-one (implicit and named join columns, {@code optional}, {@code nullable},
 * {@code referencedColumnName}, a named and a suppressed foreign key, a self reference), one-to-one
 * (owning and {@code mappedBy}), one-to-many ({@code mappedBy}, unidirectional with a join column,
 * through a join table as a Set, a bag, an ordered List and a Map), and many-to-many (implicit and
 * explicit {@code @JoinTable}, bidirectional).
 */
class RelationsOracleTest {

  private static final String CUSTOMER = """
      package rel;

      import jakarta.persistence.*;
      import java.util.*;

      @Entity
      public class Customer {
        @Id @GeneratedValue Long id;
        @Column(unique = true, nullable = false, length = 20) String code;
        @ManyToOne Customer referredBy;
        @OneToOne Address billing;
        @OneToOne(optional = false) @JoinColumn(name = "shipping_address") Address shipping;
        @OneToOne(mappedBy = "customer") Profile profile;
        @OneToMany(mappedBy = "customer") Set<PurchaseOrder> orders;
        @OneToMany @JoinColumn(name = "owner_id") Set<Note> notes;
        @OneToMany Set<Address> otherAddresses;
        @OneToMany List<Note> pinned;
        @OneToMany @OrderColumn @JoinTable(name = "customer_ranked") List<Address> ranked;
        @OneToMany @MapKeyColumn(name = "label", length = 30) @JoinTable(name = "customer_labelled")
        Map<String, Address> labelled;
        @ManyToMany Set<Tag> tags;
        @ManyToMany @JoinTable(name = "customer_segment",
            joinColumns = @JoinColumn(name = "cust"),
            inverseJoinColumns = @JoinColumn(name = "seg")) Set<Segment> segments;
        @ManyToMany Set<Customer> friends;
        @ManyToMany @OrderColumn(name = "pos") @JoinTable(name = "customer_favourite") List<Tag> favourites;
      }
      """;

  private static final String ADDRESS = """
      package rel;

      import jakarta.persistence.*;

      @Entity
      public class Address {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String street;
      }
      """;

  private static final String PROFILE = """
      package rel;

      import jakarta.persistence.*;

      @Entity
      public class Profile {
        @Id Long id;
        @OneToOne @JoinColumn(nullable = false) Customer customer;
      }
      """;

  private static final String ORDER = """
      package rel;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "purchase_order")
      public class PurchaseOrder {
        @Id @GeneratedValue Long id;
        @ManyToOne(optional = false) Customer customer;
        @ManyToOne @JoinColumn(name = "customer_code", referencedColumnName = "code") Customer byCode;
        @ManyToOne @JoinColumn(name = "approver", foreignKey = @ForeignKey(name = "fk_order_approver")) Customer approvedBy;
        @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) Customer auditor;
        @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(nullable = false, name = "ship_to") Address shipTo;
        @ManyToOne @JoinColumn(unique = true) Note featured;
      }
      """;

  private static final String NOTE = """
      package rel;

      import jakarta.persistence.*;

      @Entity
      public class Note {
        @Id @GeneratedValue Integer id;
        @Column(length = 2000) String body;
      }
      """;

  private static final String TAG = """
      package rel;

      import jakarta.persistence.*;
      import java.util.Set;

      @Entity
      public class Tag {
        @Id @Column(length = 30) String name;
        @ManyToMany(mappedBy = "tags") Set<Customer> customers;
      }
      """;

  private static final String SEGMENT = """
      package rel;

      import jakarta.persistence.*;

      @Entity
      public class Segment {
        @Id short id;
      }
      """;

  @TempDir Path dir;

  @Test
  void relationshipsMatchHibernate() throws Exception {
    SchemaOracle.in(dir, "relations")
        .source("rel/Customer.java", CUSTOMER)
        .source("rel/Address.java", ADDRESS)
        .source("rel/Profile.java", PROFILE)
        .source("rel/PurchaseOrder.java", ORDER)
        .source("rel/Note.java", NOTE)
        .source("rel/Tag.java", TAG)
        .source("rel/Segment.java", SEGMENT)
        .run()
        .assertOnly();
  }
}
