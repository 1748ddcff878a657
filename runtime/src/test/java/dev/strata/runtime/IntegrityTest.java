package dev.strata.runtime;

import static dev.strata.runtime.Fixtures.R1;
import static dev.strata.runtime.Fixtures.R2;
import static dev.strata.runtime.Fixtures.R3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.runtime.internal.RevisionInfo;
import dev.strata.testing.TestDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Applied revisions that were edited, deleted, or are newer than the application. */
class IntegrityTest {

  private final DataSource db = TestDatabase.createDatabase();
  private final Fixtures.RecordingLogger log = new Fixtures.RecordingLogger();

  @SafeVarargs
  private Migrator migrator(Class<? extends Migration>... revisions) {
    return Migrator.configure().dataSource(db).revisions(revisions).logger(log).build();
  }

  private Migrator edited() {
    return migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmailEdited.class);
  }

  private static String checksum(Class<? extends Migration> type) throws ReflectiveOperationException {
    return RevisionInfo.of(type, type.getDeclaredConstructor().newInstance()).checksum();
  }

  @Test
  void anEditedAppliedRevisionIsRefusedWithWhatDiffers() throws Exception {
    migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class).upgrade();
    MigrationException e = assertThrows(MigrationException.class, () -> edited().upgrade());
    assertEquals("applied revision 20260103_000000_cccc was edited after being applied:\n"
        + "  revision 20260103_000000_cccc (add customer.email, order numbers), dev.strata.runtime.Fixtures$AddEmailEdited:"
        + " checksum " + checksum(Fixtures.AddEmail.class) + " when applied, now " + checksum(Fixtures.AddEmailEdited.class)
        + "\n"
        + "    upgrade statement 1 was: alter table customer add column email varchar(200)\n"
        + "                        now: alter table customer add column email varchar(250)\n"
        + "An edit to an applied revision never reaches this database. Undo the edit and make the change in a new"
        + " revision; or, if the database already is as the edited revision says, accept the edit with"
        + " Migrator.configure()...acceptChanged(\"20260103_000000_cccc\")", e.getMessage());
    assertEquals(R3, e.revision().orElseThrow());
    // Refused before anything ran: downgrade too.
    assertThrows(MigrationException.class, () -> edited().downgrade("base"));
    assertEquals(List.of(R3), edited().current());
  }

  @Test
  void acceptingOneRevisionsEditRecordsTheNewChecksum() throws Exception {
    migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class).upgrade();
    Migrator accepting = Migrator.configure().dataSource(db).logger(log).acceptChanged(R3)
        .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmailEdited.class).build();
    assertEquals(List.of(), accepting.upgrade().ids());
    assertEquals("WARNING accepted the changed content of applied revision 20260103_000000_cccc (add customer.email,"
        + " order numbers): its checksum was " + checksum(Fixtures.AddEmail.class) + ", now "
        + checksum(Fixtures.AddEmailEdited.class), log.lines.get(log.lines.size() - 2));
    assertEquals(checksum(Fixtures.AddEmailEdited.class), edited().history().get(2).checksum());
    // From now on the edited revision is the applied one; the original would be refused.
    assertEquals(List.of(), edited().upgrade().ids());
    assertThrows(MigrationException.class,
        () -> migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class).upgrade());
  }

  @Test
  void acceptingADifferentRevisionDoesNotSilenceThisOne() {
    migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class).upgrade();
    Migrator accepting = Migrator.configure().dataSource(db).logger(log).acceptChanged(R2)
        .revisions(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmailEdited.class).build();
    MigrationException e = assertThrows(MigrationException.class, accepting::upgrade);
    assertTrue(e.getMessage().startsWith("applied revision 20260103_000000_cccc was edited"), e.getMessage());
  }

  @Test
  void aDatabaseLeftOnAnotherBranchIsExplained() {
    migrator(Fixtures.CreateCustomer.class, Fixtures.Branch.class).upgrade();
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class).upgrade());
    assertEquals("the database is on another branch: revision 20260102_000000_eeee (applied on top of"
        + " 20260101_000000_aaaa) is not part of this application, which continues from 20260101_000000_aaaa with"
        + " 20260102_000000_bbbb. A build of another branch upgraded this database. Either downgrade the database to"
        + " 20260101_000000_aaaa with that build (Migrator.downgrade(\"20260101_000000_aaaa\")) and deploy again, or"
        + " merge that branch into this one (compile with -Astrata.merge=true to generate the merge revision) and"
        + " deploy the result", e.getMessage());
  }

  @Test
  void aRevisionMissingFromTheApplicationIsReported() {
    migrator(Fixtures.CreateCustomer.class).upgrade();
    // An application whose chain no longer holds the applied revision at all (its class was deleted).
    MigrationException e = assertThrows(MigrationException.class, () -> migrator(Fixtures.SecondRoot.class).upgrade());
    assertEquals("revision 20260101_000000_aaaa is applied to the database but missing from the application"
        + " (deleted, or the database was migrated from another branch). Restore the missing revision class, or"
        + " revert them with the application that has them", e.getMessage());
  }

  @Test
  void aDatabaseAheadOfTheApplicationIsReported() {
    migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class, Fixtures.AddEmail.class).upgrade();
    Migrator older = migrator(Fixtures.CreateCustomer.class, Fixtures.CreateOrders.class);
    MigrationException e = assertThrows(MigrationException.class, older::upgrade);
    assertEquals("the database is ahead of this application: revision 20260103_000000_cccc is applied but not part"
        + " of the application (its head is 20260102_000000_bbbb). Deploy the newer application, or downgrade the"
        + " database with the application that has that revision", e.getMessage());
    assertEquals(e.getMessage(), assertThrows(MigrationException.class, older::pending).getMessage());
    // current() and history() still answer: they only read.
    assertEquals(List.of(R3), older.current());
    assertEquals(List.of(R1, R2, R3), older.history().stream().map(AppliedRevision::id).toList());
  }
}
