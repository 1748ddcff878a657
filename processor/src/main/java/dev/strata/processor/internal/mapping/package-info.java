/** Java type to PostgreSQL type mapping and object naming, as Hibernate 7 does them on PostgreSQL; no compiler types here. */
package dev.strata.processor.internal.mapping;
