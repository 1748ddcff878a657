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
import dev.strata.schema.diff.Renames;
import dev.strata.schema.diff.SchemaDiff;
import dev.strata.snapshot.SchemaHash;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotFormatException;
import dev.strata.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code strata.merge}: generates a merge revision whose parents are all heads of the chain. Each
 * head's schema is the snapshot version (the working tree's, or one from any commit of any branch)
 * whose hash the head records; so is the schema of the revision they fork from. Each branch's
 * changes since the fork must touch objects no other branch touches; the merged schema is then the
 * fork's schema with every branch's changes, and the merge revision itself carries what is left
 * between it and the entities.
 */
final class Merge {
  /** How many versions of the snapshot file are read from git's history. */
  private static final int HISTORY = 500;

  private final Diagnostics diagnostics;
  private final StrataOptions options;
  private final RevisionWriter writer;

  Merge(Diagnostics diagnostics, StrataOptions options, RevisionWriter writer) {
    this.diagnostics = diagnostics;
    this.options = options;
    this.writer = writer;
  }

  /** The entities read: their schema and the class names of the entities it was read from. */
  record Entities(EntityModel model, List<String> names) {}

  /**
   * @param working the snapshot file's content when it is valid (after a git merge it usually is not)
   * @param readEntities reads the entities, given the entity class names the heads' snapshots list;
   *     empty when that reported errors
   */
  void merge(RevisionGraph graph, Optional<Snapshot> working, Path snapshotPath, String packageName,
      Path revisionsDir, Function<List<String>, Optional<Entities>> readEntities) {
    List<RevisionInfo> heads = graph.heads();
    Map<String, Snapshot> byHash = new TreeMap<>();
    working.ifPresent(s -> byHash.put(SchemaHash.of(s.schema()), s));
    for (String text : GitFiles.historyTexts(snapshotPath, HISTORY)) {
      try {
        Snapshot s = SnapshotReader.read(text);
        byHash.putIfAbsent(SchemaHash.of(s.schema()), s);
      } catch (SnapshotFormatException e) {
        // A version with conflict markers tells nothing; other versions may.
      }
    }
    Set<String> common = new TreeSet<>(graph.ancestorsOf(heads.get(0).id()));
    heads.forEach(h -> common.retainAll(graph.ancestorsOf(h.id())));
    Optional<RevisionInfo> fork = common.stream().map(graph::get).flatMap(Optional::stream)
        .max(Comparator.comparing(RevisionInfo::id));
    Optional<Schema> base = fork.isEmpty()
        ? Optional.of(Schema.EMPTY)
        : schemaOf(fork.get(), graph, byHash, snapshotPath);
    List<Schema> branches = new ArrayList<>();
    Set<String> entityNames = new TreeSet<>();
    for (RevisionInfo head : heads) {
      schemaOf(head, graph, byHash, snapshotPath).ifPresent(branches::add);
      graph.recordedHash(head).map(byHash::get).ifPresent(s -> entityNames.addAll(s.entities()));
    }
    if (base.isEmpty() || branches.size() != heads.size()) {
      return;
    }
    List<List<Change>> branchChanges = new ArrayList<>();
    for (Schema branch : branches) {
      branchChanges.add(SchemaDiff.diff(base.get(), branch, Renames.NONE));
    }
    for (int i = 0; i < heads.size(); i++) {
      for (int j = i + 1; j < heads.size(); j++) {
        Optional<String> clash = firstClash(branchChanges.get(i), branchChanges.get(j));
        if (clash.isPresent()) {
          RevisionGraph.report(diagnostics, ChainCode.MERGE_CONFLICT, heads.get(j), "strata.merge: the branches of"
              + " revisions " + heads.get(i).describe() + " and " + heads.get(j).describe() + " both change "
              + clash.get() + ", so no merge revision can order their changes. Delete the newer revision "
              + heads.get(j).simpleName() + ", restore the snapshot that " + heads.get(i).simpleName()
              + " produced (from version control) and compile again, so that Strata regenerates its changes on top");
          return;
        }
      }
    }
    Schema merged = branches.get(0);
    try {
      for (int i = 1; i < heads.size(); i++) {
        merged = Change.applyAll(merged, branchChanges.get(i));
      }
    } catch (IllegalStateException e) {
      RevisionGraph.report(diagnostics, ChainCode.MERGE_CONFLICT, heads.get(heads.size() - 1), "strata.merge: the"
          + " changes of the branches do not combine: " + e.getMessage() + ". Delete the newer revision, restore the"
          + " snapshot the other one produced (from version control) and compile again");
      return;
    }
    Optional<Entities> entities = readEntities.apply(List.copyOf(entityNames));
    if (entities.isEmpty()) {
      return;
    }
    Optional<EntityModel> model = Optional.of(entities.get().model());
    DataLossPolicy policy = DataLossPolicy.of(options, model.get(), diagnostics);
    List<Change> changes = policy.diff(merged, model.get().schema(), model.get().renames());
    ReviewWarnings.review(changes, diagnostics, policy, model.get());
    if (diagnostics.hasErrors()) {
      return;
    }
    List<String> parents = heads.stream().map(RevisionInfo::id).sorted().toList();
    String message = options.message().orElseGet(() -> "merge revisions " + String.join(" and ", parents)
        + (changes.isEmpty() ? "" : ", " + ChangeDescription.message(changes)));
    writer.newRevision(changes, merged, model.get().schema(), parents, message, options.message().orElse("merge"),
        true, new RevisionWriter.Target(packageName, revisionsDir, snapshotPath, entities.get().names()));
  }

  /** The schema {@code revision} produces, found by the hash it records. */
  private Optional<Schema> schemaOf(RevisionInfo revision, RevisionGraph graph, Map<String, Snapshot> byHash,
      Path snapshotPath) {
    Optional<String> hash = graph.recordedHash(revision);
    if (hash.isEmpty()) {
      return Optional.of(Schema.EMPTY);
    }
    Snapshot found = byHash.get(hash.get());
    if (found == null) {
      RevisionGraph.report(diagnostics, ChainCode.MERGE_REFUSED, revision, "strata.merge: the snapshot that revision "
          + revision.describe() + " produced (" + hash.get() + ") is neither " + snapshotPath + " nor any version of"
          + " it in git's history, so the branches cannot be merged; commit each branch's snapshot, or resolve the"
          + " fork by hand (delete the newer revision, restore the other's snapshot, compile)");
      return Optional.empty();
    }
    return Optional.of(found.schema());
  }

  /** An object both change lists touch, for the message; empty when they touch disjoint objects. */
  private static Optional<String> firstClash(List<Change> a, List<Change> b) {
    for (Change x : a) {
      for (ChangeTargets.Target tx : x.accept(ChangeTargets.INSTANCE)) {
        for (Change y : b) {
          for (ChangeTargets.Target ty : y.accept(ChangeTargets.INSTANCE)) {
            if (tx.collidesWith(ty)) {
              return Optional.of(tx.member().isEmpty() ? ty.describe() : tx.describe());
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
