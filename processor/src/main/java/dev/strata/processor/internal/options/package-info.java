/** The processor's {@code -Astrata.*} options: names, parsing and validation. */
package dev.strata.processor.internal.options;
