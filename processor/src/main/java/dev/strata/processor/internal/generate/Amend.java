package dev.strata.processor.internal.generate;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.chain.ChainCode;
import dev.strata.processor.internal.chain.RevisionGraph;
import dev.strata.processor.internal.chain.RevisionInfo;
import dev.strata.processor.internal.entity.EntityModel;
import dev.strata.processor.internal.options.StrataOptions;
import dev.strata.processor.internal.review.DataLossPolicy;
import dev.strata.processor.internal.review.ReviewWarnings;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.snapshot.SchemaHash;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotFormatException;
import dev.strata.snapshot.SnapshotReader;
import dev.strata.snapshot.SnapshotWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code strata.amend}: folds new changes into the head revision while it exists only in this
 * working tree, instead of adding a revision per compile while a change is being shaped.
 */
final class Amend {
  private final Diagnostics diagnostics;
  private final StrataOptions options;
  private final Output output;
  private final RevisionWriter writer;
  private final Locations locations;

  Amend(Diagnostics diagnostics, StrataOptions options, Output output, RevisionWriter writer, Locations locations) {
    this.diagnostics = diagnostics;
    this.options = options;
    this.output = output;
    this.writer = writer;
    this.locations = locations;
  }

  /**
   * Amends {@code head} when it may be; returns false (after a warning saying why) when it may
   * not, and the caller then generates a new revision.
   */
  boolean tryAmend(RevisionInfo head, RevisionGraph graph, EntityModel model, List<String> entityNames,
      Path snapshotPath, DataLossPolicy policy) {
    Optional<Schema> before = schemaBefore(head, graph, snapshotPath);
    if (before.isEmpty()) {
      return false;
    }
    amend(head, before.get(), model, entityNames, snapshotPath, policy);
    return true;
  }

  /**
   * The schema before {@code head} when it may be amended: its file is not in git's {@code HEAD}
   * commit (so it exists only in this working tree), it has one parent, and the committed snapshot
   * is its parent's state.
   */
  private Optional<Schema> schemaBefore(RevisionInfo head, RevisionGraph graph, Path snapshotPath) {
    if (head.file().isEmpty()) {
      return refuse(head, "its source file is not known");
    }
    Optional<Boolean> committed = GitFiles.isCommitted(head.file().get());
    if (committed.isEmpty()) {
      return refuse(head, "git cannot tell whether it is committed (strata.amend needs git and a repository with"
          + " at least one commit)");
    }
    if (committed.get()) {
      return refuse(head, "it is committed, and a committed revision may already be applied somewhere");
    }
    if (head.parents().size() > 1) {
      return refuse(head, "it is a merge revision");
    }
    Optional<String> committedSnapshot = GitFiles.committedText(snapshotPath);
    if (committedSnapshot.isEmpty()) {
      return head.parents().isEmpty()
          ? Optional.of(Schema.EMPTY)
          : refuse(head, "the snapshot " + snapshotPath + " is not committed, so the state before it is unknown");
    }
    Snapshot before;
    try {
      before = SnapshotReader.read(committedSnapshot.get());
    } catch (SnapshotFormatException e) {
      return refuse(head, "the committed snapshot is not valid at " + e.getMessage());
    }
    Optional<String> parent = head.parents().stream().findFirst();
    Optional<String> parentHash = parent.flatMap(graph::get).flatMap(graph::recordedHash);
    boolean matches = before.head().equals(parent)
        && parentHash.map(h -> h.equals(SchemaHash.of(before.schema()))).orElse(parent.isEmpty());
    if (!matches) {
      return refuse(head, "the committed snapshot is not the state before it (its head is "
          + before.head().orElse("none") + ")");
    }
    return Optional.of(before.schema());
  }

  private Optional<Schema> refuse(RevisionInfo head, String because) {
    diagnostics.warning(ChainCode.AMEND_REFUSED, "strata.amend: revision " + head.describe() + " is not rewritten,"
        + " because " + because + "; a new revision was generated instead");
    return Optional.empty();
  }

  /** Rewrites {@code head} (same id, parent and class) to go from {@code before} straight to the entities. */
  private void amend(RevisionInfo head, Schema before, EntityModel model, List<String> entityNames,
      Path snapshotPath, DataLossPolicy policy) {
    List<Change> changes = policy.diff(before, model.schema(), model.renames());
    Path file = head.file().get();
    if (changes.isEmpty()) {
      // The entities are back where the parent left them: the revision has nothing left to do.
      String restored = GitFiles.committedText(snapshotPath).orElseGet(() -> SnapshotWriter.write(
          new Snapshot(Optional.empty(), entityNames, before)));
      output.delete(file, "revision " + head.className());
      output.write(snapshotPath, restored, "the snapshot");
      output.note("strata.amend: the entities are back to the state before revision " + head.simpleName()
          + ", so its file " + file + " was deleted and the snapshot " + snapshotPath + " restored");
      output.snapshot(restored);
      output.unindex(head.className());
      return;
    }
    ReviewWarnings.review(changes, diagnostics, policy, model);
    if (diagnostics.hasErrors()) {
      return;
    }
    Schema after = Change.applyAll(before, changes);
    String message = options.message().orElseGet(() -> ChangeDescription.message(changes));
    int dot = head.className().lastIndexOf('.');
    RevisionSource.Spec spec = new RevisionSource.Spec(dot < 0 ? "" : head.className().substring(0, dot),
        head.simpleName(), head.id(), head.parents(), message, SchemaHash.of(after), changes,
        RevisionWriter.sql(changes, true), true);
    String source = RevisionSource.build(spec).toString();
    String snapshot = SnapshotWriter.write(new Snapshot(Optional.of(head.id()), entityNames, after));
    boolean inThisCompile = head.element().flatMap(locations::sourceFile).isPresent();
    if (inThisCompile) {
      // javac already read the old text of this class in this compile; it cannot be replaced now.
      diagnostics.warning(ChainCode.AMENDED, "strata.amend rewrote revision " + head.simpleName() + " (" + message
          + "), but this compile built its previous content; compile again before running or packaging");
    } else if (!writer.writeGeneratedSource(head.className(), source)) {
      return;
    }
    output.write(file, source, "revision " + head.className());
    output.write(snapshotPath, snapshot, "the snapshot");
    output.note("strata.amend: folded the changes into revision " + head.simpleName() + " (" + message
        + ") at " + file + " and updated the snapshot " + snapshotPath);
    output.snapshot(snapshot);
  }
}
