/**
 * The schema model: immutable, canonically ordered values describing the PostgreSQL objects Strata manages.
 */
package dev.strata.schema;
