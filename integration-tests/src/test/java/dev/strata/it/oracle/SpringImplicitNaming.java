package dev.strata.it.oracle;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * The implicit naming Spring Boot configures by default ({@code SpringImplicitNamingStrategy}),
 * rebuilt here so the oracle needs no Spring: JPA's names, except that a join table is named after
 * the owning table and the attribute ({@code customer_tags}) instead of both tables.
 */
public final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {

  @Override
  public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
    String owner = source.getOwningPhysicalTableName();
    String attribute = source.getAssociationOwningAttributePath().getProperty();
    return toIdentifier(owner + "_" + attribute, source.getBuildingContext());
  }
}
