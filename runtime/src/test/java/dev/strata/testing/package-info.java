/** Test support shared by Strata's modules (published in the runtime's test-jar): databases and catalog dumps. */
package dev.strata.testing;
