/**
 * Real-world JPA models (docs/corpora.md) compiled with Strata's processor, applied to PostgreSQL and,
 * where Hibernate boots on them, compared with what Hibernate creates; run with {@code -Pcorpora}.
 */
package dev.strata.it.corpora;
