package dev.strata.processor;

import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Entity and revision sources shared by the processor tests. */
final class Sources {
  private Sources() {}

  static final JavaFileObject ORDER = JavaFileObjects.forSourceString("com.acme.shop.Order", """
      package com.acme.shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.Table;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id
        private Long id;
        private String note;
      }
      """);

  /** {@link #ORDER} with a new column {@code total} and without {@code note}. */
  static final JavaFileObject ORDER_V2 = JavaFileObjects.forSourceString("com.acme.shop.Order", """
      package com.acme.shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.Table;
      import java.math.BigDecimal;

      @Entity
      @Table(name = "orders")
      public class Order {
        @Id
        private Long id;
        private BigDecimal total;
      }
      """);

  static final JavaFileObject CUSTOMER = JavaFileObjects.forSourceString("com.acme.shop.Customer", """
      package com.acme.shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;

      @Entity
      public class Customer {
        @Id
        private Long id;
        private String name;
      }
      """);

  /** The text of a hand-written revision class in {@code com.acme.migrations}. */
  static String revision(String simpleName, String id, String parents, String snapshot) {
    return """
        package com.acme.migrations;

        import dev.strata.runtime.Migration;
        import dev.strata.runtime.Operations;
        import dev.strata.runtime.Revision;

        @Revision(id = "%s", parent = %s, message = "by hand", snapshot = "%s")
        public final class %s implements Migration {
          @Override
          public void upgrade(Operations op) {}

          @Override
          public void downgrade(Operations op) {}
        }
        """.formatted(id, parents, snapshot, simpleName);
  }
}
