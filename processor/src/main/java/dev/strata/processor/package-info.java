/** The Strata annotation processor: its one public class, {@link dev.strata.processor.StrataProcessor}. */
package dev.strata.processor;
