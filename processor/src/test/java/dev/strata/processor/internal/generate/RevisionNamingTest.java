package dev.strata.processor.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RevisionNamingTest {
  @Test
  void idIsUtcTimeAndFourCharacters() {
    assertEquals("20261126_101500_72t7", RevisionNaming.newId(Instant.parse("2026-11-26T10:15:00Z"), new Random(1)));
  }

  @Test
  void classNameTakesTheFirstClauseOfTheMessage() {
    assertEquals("R20261126_101500_k3f9_CreateTableOrders",
        RevisionNaming.className("20261126_101500_k3f9", "create table orders, add column customers.email"));
  }

  @Test
  void classNameIsCutAtAWordBoundary() {
    assertEquals("R1_BackfillTheEmailAddressesOfAllCustomers",
        RevisionNaming.className("1", "backfill the email addresses of all customers from the legacy table"));
  }

  @Test
  void aMessageWithoutAsciiWordsGivesTheBareId() {
    assertEquals("R1", RevisionNaming.className("1", "ändern"));
  }
}
