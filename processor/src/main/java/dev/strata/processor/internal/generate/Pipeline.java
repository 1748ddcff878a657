package dev.strata.processor.internal.generate;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.chain.ChainCode;
import dev.strata.processor.internal.chain.RevisionGraph;
import dev.strata.processor.internal.chain.RevisionInfo;
import dev.strata.processor.internal.chain.RevisionScanner;
import dev.strata.processor.internal.entity.EntityModel;
import dev.strata.processor.internal.entity.EntityReader;
import dev.strata.processor.internal.entity.MappingOptions;
import dev.strata.processor.internal.options.OptionCode;
import dev.strata.processor.internal.options.StrataOptions;
import dev.strata.processor.internal.review.ReviewWarnings;
import dev.strata.runtime.internal.PostgresDialect;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.schema.diff.SchemaDiff;
import dev.strata.snapshot.SchemaHash;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotFormatException;
import dev.strata.snapshot.SnapshotReader;
import dev.strata.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * One compile's pipeline. In the first round that holds {@code @Entity} types it reads the options,
 * the snapshot and the committed revisions, checks the chain, reads the entities, diffs, and — when
 * the entities changed — generates the revision through the {@code Filer} (so this compile
 * compiles it). Files in the source tree (the revision and the snapshot) are written in the last
 * round, atomically, and only when no error was reported in any round; the index and the snapshot
 * copy go to the class output then as well.
 */
public final class Pipeline {
  static final String ENTITY = "jakarta.persistence.Entity";
  static final String INDEX = "META-INF/strata/revisions";
  static final String SNAPSHOT_RESOURCE = "META-INF/strata/schema.strata";

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;
  private final Locations locations;

  private StrataOptions options;
  /** Set once the generation round ran: the last round then has work to finish. */
  private boolean ran;
  /** Whether any round (ours or another processor's) raised an error. */
  private boolean errorRaised;

  /** Source-tree files to write in the last round, in order. */
  private final List<PendingFile> pending = new ArrayList<>();
  /** The revision class names for the index; written in the last round. */
  private final Set<String> index = new TreeSet<>();
  /** The snapshot text for the class-path copy, when there is a snapshot. */
  private Optional<String> snapshotText = Optional.empty();
  private final List<Element> originating = new ArrayList<>();
  private final List<String> writtenNotes = new ArrayList<>();
  /** Draws the random part of revision ids; one per compile, so two revisions of one compile differ. */
  private Random random;
  /** The id of the revision generated last in this compile. */
  private Optional<String> lastGeneratedId = Optional.empty();
  /** The ids of the committed revisions; a new id must differ from all of them. */
  private final Set<String> knownIds = new TreeSet<>();

  /** A source-tree file to write in the last round; {@code text} null means delete it. */
  private record PendingFile(Path path, String text, String what) {}

  public Pipeline(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.locations = Locations.of(env);
  }

  /** Option names this pipeline and the entity reader read. */
  public static Set<String> supportedOptions() {
    Set<String> names = new TreeSet<>(StrataOptions.NAMES);
    names.add(MappingOptions.NAMING);
    names.add(MappingOptions.CONSTRAINT_NAMING);
    return names;
  }

  public void round(RoundEnvironment round) {
    errorRaised |= round.errorRaised();
    if (options == null) {
      options = StrataOptions.parse(env.getOptions(), diagnostics);
    }
    if (options.mode() == StrataOptions.Mode.OFF || diagnostics.hasErrors() && !ran) {
      return;
    }
    if (round.processingOver()) {
      if (ran) {
        finish();
      }
      return;
    }
    if (ran) {
      return;
    }
    List<TypeElement> entities = entitiesIn(round);
    if (!entities.isEmpty()) {
      ran = true;
      generate(round, entities);
    }
  }

  // ---- the generation round -----------------------------------------------------------------------

  private void generate(RoundEnvironment round, List<TypeElement> roundEntities) {
    originating.addAll(roundEntities);
    Optional<Path> sourceRoot = locations.sourceRoot(roundEntities);
    Optional<Path> snapshotPath = options.snapshot().or(() -> sourceRoot.flatMap(Locations::defaultSnapshot));
    Optional<Path> revisionsRoot = options.revisions().or(() -> sourceRoot);
    if (snapshotPath.isEmpty() || revisionsRoot.isEmpty()) {
      diagnostics.error(OptionCode.NO_DEFAULT_LOCATION, "cannot tell where "
          + (snapshotPath.isEmpty() ? "the snapshot belongs" : "the revisions belong")
          + ": the entities' source files are not in a"
          + " src/<set>/java directory on disk (first entity: " + roundEntities.get(0).getQualifiedName()
          + "); set -A" + StrataOptions.SNAPSHOT + "=<file> and -A" + StrataOptions.REVISIONS + "=<source root>");
      return;
    }
    // An invalid snapshot is reported after the chain checks: after a git merge of two branches it
    // holds conflict markers, and then the two heads (or strata.merge) are what the developer needs.
    Optional<Snapshot> snapshot = readSnapshot(snapshotPath.get(), false);
    if (diagnostics.hasErrors()) {
      return;
    }
    snapshot.ifPresent(s -> snapshotText = Optional.of(SnapshotWriter.write(s)));

    List<TypeElement> entities = allEntities(roundEntities, snapshot.map(Snapshot::entities).orElse(List.of()));
    RevisionScanner scanner = new RevisionScanner(env, diagnostics, locations::sourceFile);
    Map<String, RevisionInfo> revisions = new TreeMap<>(scanner.fromRound(round));
    String packageName = revisionPackage(revisionsRoot.get(), snapshot, revisions, entities);
    Path revisionsDir = directoryOf(revisionsRoot.get(), packageName);
    revisions.putAll(scanner.fromDirectory(revisionsDir, packageName, revisions.keySet()));
    Optional<RevisionGraph> graph = RevisionGraph.check(revisions.values(), diagnostics);
    if (graph.isEmpty()) {
      return;
    }
    graph.get().all().forEach(r -> {
      index.add(r.className());
      knownIds.add(r.id());
    });
    if (options.merge()) {
      if (graph.get().heads().size() > 1) {
        merge(graph.get(), roundEntities, snapshot, snapshotPath.get(), packageName, revisionsDir);
        return;
      }
      diagnostics.note("strata.merge: the revision chain has one head, so there is nothing to merge");
    }
    Optional<RevisionInfo> head = graph.get().requireSingleHead(diagnostics);
    if (diagnostics.hasErrors()) {
      return;
    }
    if (snapshot.isEmpty()) {
      readSnapshot(snapshotPath.get(), true);
      if (diagnostics.hasErrors()) {
        return;
      }
    }
    checkSnapshotMatchesHead(snapshot, snapshotPath.get(), graph.get(), head, revisionsDir);
    if (diagnostics.hasErrors()) {
      return;
    }

    EntityModel model = new EntityReader(env, diagnostics, MappingOptions.from(env.getOptions(), diagnostics))
        .read(entities);
    if (diagnostics.hasErrors()) {
      return;
    }
    Schema current = snapshot.map(Snapshot::schema).orElse(Schema.EMPTY);
    List<Change> changes = SchemaDiff.diff(current, model.schema(), model.renames());
    ReviewWarnings.renamesDone(model.renames(), current, diagnostics, model.tableOrigins(), model.columnOrigins());
    List<String> entityNames = entities.stream().map(e -> e.getQualifiedName().toString()).sorted().toList();

    if (options.mode() == StrataOptions.Mode.CHECK) {
      if (!changes.isEmpty()) {
        List<String> list = changes.stream().map(ChangeDescription::of).toList();
        diagnostics.error(GenerateCode.CHECK_FAILED, "the entities differ from the snapshot " + snapshotPath.get()
            + " (strata.mode=check): " + String.join("; ", list) + ". Compile without -Astrata.mode=check to"
            + " generate the revision, and commit it with the snapshot");
      }
      return;
    }
    if (options.empty()) {
      if (!changes.isEmpty()) {
        diagnostics.error(OptionCode.CONFLICT, "strata.empty=true asks for an empty revision, but the entities"
            + " changed (" + ChangeDescription.message(changes) + "); compile once without strata.empty to"
            + " generate those changes, then ask for the empty revision");
        return;
      }
      newRevision(List.of(), current, current, entityNames, parentsOf(head), options.message().get(),
          options.message().get(), packageName, revisionsDir, snapshotPath.get());
      return;
    }
    if (changes.isEmpty()) {
      if (snapshot.isPresent() && !snapshot.get().entities().equals(entityNames)) {
        // Entity classes were renamed or moved without a schema change. The list must follow, or a
        // later partial compile would not look the moved entities up and would drop their tables.
        Snapshot updated = snapshot.get().withEntities(entityNames);
        snapshotText = Optional.of(SnapshotWriter.write(updated));
        pending.add(new PendingFile(snapshotPath.get(), snapshotText.get(), "the snapshot's entity list"));
        writtenNotes.add("updated the entity list in the snapshot " + snapshotPath.get()
            + " (entity classes were renamed or moved; the schema did not change)");
      }
      return;
    }
    if (options.amend() && head.isPresent()) {
      Optional<Schema> before = schemaBeforeAmendableHead(head.get(), graph.get(), snapshotPath.get());
      if (before.isPresent()) {
        amend(head.get(), before.get(), model, entityNames, snapshotPath.get());
        return;
      }
    }
    generateRevisions(changes, current, model, entityNames, parentsOf(head), packageName, revisionsDir,
        snapshotPath.get());
  }

  private static List<String> parentsOf(Optional<RevisionInfo> head) {
    return head.map(h -> List.of(h.id())).orElse(List.of());
  }

  // ---- strata.merge ----------------------------------------------------------------------------------

  /** How many versions of the snapshot file the merge reads from git's history. */
  private static final int MERGE_HISTORY = 500;

  /**
   * Generates a merge revision whose parents are all heads. Each head's schema is the snapshot
   * version (working tree, or any commit of any branch) whose hash the head records; so is the
   * schema of the revision they fork from. Each branch's changes since the fork must touch objects
   * no other branch touches; the merged schema is then the fork's schema with every branch's
   * changes, and the merge revision itself carries what is left between it and the entities.
   */
  private void merge(RevisionGraph graph, List<TypeElement> roundEntities, Optional<Snapshot> working,
      Path snapshotPath, String packageName, Path revisionsDir) {
    List<RevisionInfo> heads = graph.heads();
    Map<String, Snapshot> byHash = new TreeMap<>();
    working.ifPresent(s -> byHash.put(SchemaHash.of(s.schema()), s));
    for (String text : GitFiles.historyTexts(snapshotPath, MERGE_HISTORY)) {
      try {
        Snapshot s = SnapshotReader.read(text);
        byHash.putIfAbsent(SchemaHash.of(s.schema()), s);
      } catch (SnapshotFormatException e) {
        // A version with conflict markers or from an older format tells nothing; others may.
      }
    }
    Set<String> common = new TreeSet<>(graph.ancestorsOf(heads.get(0).id()));
    heads.forEach(h -> common.retainAll(graph.ancestorsOf(h.id())));
    Optional<RevisionInfo> fork = common.stream().map(graph::get).flatMap(Optional::stream)
        .max(Comparator.comparing(RevisionInfo::id));
    Optional<Schema> base = fork.isEmpty() ? Optional.of(Schema.EMPTY) : schemaOf(fork.get(), graph, byHash, snapshotPath);
    List<Schema> branches = new ArrayList<>();
    Set<String> entityNames = new TreeSet<>();
    for (RevisionInfo head : heads) {
      schemaOf(head, graph, byHash, snapshotPath).ifPresent(branches::add);
      recordedHash(graph, head).map(byHash::get).ifPresent(s -> entityNames.addAll(s.entities()));
    }
    if (base.isEmpty() || branches.size() != heads.size()) {
      return;
    }
    List<List<Change>> branchChanges = new ArrayList<>();
    for (Schema branch : branches) {
      branchChanges.add(SchemaDiff.diff(base.get(), branch, dev.strata.schema.diff.Renames.NONE));
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
    List<TypeElement> entities = allEntities(roundEntities, List.copyOf(entityNames));
    EntityModel model = new EntityReader(env, diagnostics, MappingOptions.from(env.getOptions(), diagnostics))
        .read(entities);
    if (diagnostics.hasErrors()) {
      return;
    }
    List<Change> changes = SchemaDiff.diff(merged, model.schema(), model.renames());
    ReviewWarnings.review(changes, diagnostics, options.destructive() == StrataOptions.Destructive.ERROR,
        model.tableOrigins(), model.columnOrigins());
    if (diagnostics.hasErrors()) {
      return;
    }
    List<String> parents = heads.stream().map(RevisionInfo::id).sorted().toList();
    String message = options.message().orElseGet(() -> "merge revisions " + String.join(" and ", parents)
        + (changes.isEmpty() ? "" : ", " + ChangeDescription.message(changes)));
    newRevision(changes, merged, model.schema(),
        entities.stream().map(e -> e.getQualifiedName().toString()).sorted().toList(), parents, message,
        options.message().orElse("merge"), packageName, revisionsDir, snapshotPath);
  }

  /** The schema {@code revision} produces, found by the hash it records. */
  private Optional<Schema> schemaOf(RevisionInfo revision, RevisionGraph graph, Map<String, Snapshot> byHash,
      Path snapshotPath) {
    Optional<String> hash = recordedHash(graph, revision);
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

  // ---- strata.amend ----------------------------------------------------------------------------------

  /**
   * The schema before {@code head} when it may be amended: its file is not in git's {@code HEAD}
   * commit (so it exists only in this working tree), it has one parent, and the committed snapshot
   * is its parent's state. Otherwise warns why not, and a new revision is generated instead.
   */
  private Optional<Schema> schemaBeforeAmendableHead(RevisionInfo head, RevisionGraph graph, Path snapshotPath) {
    String refused = "strata.amend: revision " + head.describe() + " is not rewritten, because ";
    String instead = "; a new revision was generated instead";
    if (head.file().isEmpty()) {
      diagnostics.warning(ChainCode.AMEND_REFUSED, refused + "its source file is not known" + instead);
      return Optional.empty();
    }
    Optional<Boolean> committed = GitFiles.isCommitted(head.file().get());
    if (committed.isEmpty()) {
      diagnostics.warning(ChainCode.AMEND_REFUSED, refused + "git cannot tell whether it is committed (strata.amend"
          + " needs git and a repository with at least one commit)" + instead);
      return Optional.empty();
    }
    if (committed.get()) {
      diagnostics.warning(ChainCode.AMEND_REFUSED, refused + "it is committed, and a committed revision may already"
          + " be applied somewhere" + instead);
      return Optional.empty();
    }
    if (head.parents().size() > 1) {
      diagnostics.warning(ChainCode.AMEND_REFUSED, refused + "it is a merge revision" + instead);
      return Optional.empty();
    }
    Optional<String> committedSnapshot = GitFiles.committedText(snapshotPath);
    if (committedSnapshot.isEmpty()) {
      if (head.parents().isEmpty()) {
        return Optional.of(Schema.EMPTY);
      }
      diagnostics.warning(ChainCode.AMEND_REFUSED, refused + "the snapshot " + snapshotPath + " is not committed, so"
          + " the state before it is unknown" + instead);
      return Optional.empty();
    }
    Snapshot before;
    try {
      before = SnapshotReader.read(committedSnapshot.get());
    } catch (SnapshotFormatException e) {
      diagnostics.warning(ChainCode.AMEND_REFUSED, refused + "the committed snapshot is not valid at "
          + e.getMessage() + instead);
      return Optional.empty();
    }
    Optional<String> parent = head.parents().stream().findFirst();
    Optional<String> parentHash = parent.flatMap(graph::get).flatMap(p -> recordedHash(graph, p));
    boolean matches = before.head().equals(parent)
        && parentHash.map(h -> h.equals(SchemaHash.of(before.schema()))).orElse(parent.isEmpty());
    if (!matches) {
      diagnostics.warning(ChainCode.AMEND_REFUSED, refused + "the committed snapshot is not the state before it"
          + " (its head is " + before.head().orElse("none") + ")" + instead);
      return Optional.empty();
    }
    return Optional.of(before.schema());
  }

  /** Rewrites {@code head} (same id, parent and class) to go from {@code before} straight to the entities. */
  private void amend(RevisionInfo head, Schema before, EntityModel model, List<String> entityNames,
      Path snapshotPath) {
    List<Change> changes = SchemaDiff.diff(before, model.schema(), model.renames());
    Path file = head.file().get();
    if (changes.isEmpty()) {
      // The entities are back where the parent left them: the revision has nothing left to do.
      String restored = GitFiles.committedText(snapshotPath).orElseGet(() -> SnapshotWriter.write(
          new Snapshot(Optional.empty(), entityNames, before)));
      pending.add(new PendingFile(file, null, "revision " + head.className()));
      pending.add(new PendingFile(snapshotPath, restored, "the snapshot"));
      writtenNotes.add("strata.amend: the entities are back to the state before revision " + head.simpleName()
          + ", so its file " + file + " was deleted and the snapshot " + snapshotPath + " restored");
      snapshotText = Optional.of(restored);
      index.remove(head.className());
      return;
    }
    ReviewWarnings.review(changes, diagnostics, options.destructive() == StrataOptions.Destructive.ERROR,
        model.tableOrigins(), model.columnOrigins());
    if (diagnostics.hasErrors()) {
      return;
    }
    Schema after = Change.applyAll(before, changes);
    String message = options.message().orElseGet(() -> ChangeDescription.message(changes));
    int dot = head.className().lastIndexOf('.');
    RevisionSource.Spec spec = new RevisionSource.Spec(dot < 0 ? "" : head.className().substring(0, dot),
        head.simpleName(), head.id(), head.parents(), message, SchemaHash.of(after), changes, sql(changes), true);
    String source = RevisionSource.build(spec).toString();
    String snapshot = SnapshotWriter.write(new Snapshot(Optional.of(head.id()), entityNames, after));
    boolean inThisCompile = head.element().flatMap(locations::sourceFile).isPresent();
    if (inThisCompile) {
      // javac already read the old text of this class in this compile; it cannot be replaced now.
      diagnostics.warning(ChainCode.AMENDED, "strata.amend rewrote revision " + head.simpleName() + " (" + message
          + "), but this compile built its previous content; compile again before running or packaging");
    } else if (!writeGeneratedSource(head.className(), source)) {
      return;
    }
    pending.add(new PendingFile(file, source, "revision " + head.className()));
    pending.add(new PendingFile(snapshotPath, snapshot, "the snapshot"));
    writtenNotes.add("strata.amend: folded the changes into revision " + head.simpleName() + " (" + message
        + ") at " + file + " and updated the snapshot " + snapshotPath);
    snapshotText = Optional.of(snapshot);
  }

  /** Generates a revision on top of {@code head}: the Filer copy now, the source-tree files in the last round. */
  private Optional<String> newRevision(List<Change> changes, Schema current, Schema desired, List<String> entityNames,
      List<String> parents, String message, String classNameFrom, String packageName, Path revisionsDir,
      Path snapshotPath) {
    return newRevision(changes, current, desired, entityNames, parents, message, classNameFrom, packageName,
        revisionsDir, snapshotPath, true);
  }

  /**
   * Generates one revision; returns its id, or empty when it could not be generated. A
   * non-{@code transactional} revision creates its indexes concurrently.
   */
  private Optional<String> newRevision(List<Change> changes, Schema current, Schema desired,
      List<String> entityNames, List<String> parents, String message, String classNameFrom, String packageName,
      Path revisionsDir, Path snapshotPath, boolean transactional) {
    Schema after = Change.applyAll(current, changes);
    if (!after.equals(desired)) {
      throw new IllegalStateException("the diff does not lead to the entities' schema");
    }
    Instant now = options.now().orElseGet(Instant::now);
    if (random == null) {
      random = options.seed().<Random>map(Random::new).orElseGet(SecureRandom::new);
    }
    String id = RevisionNaming.newId(now, random);
    int draws = 0;
    // A fixed strata.now and strata.seed or a clock set back can repeat an id. A second revision of
    // this compile must also sort after the first, as a child sorts after its parent.
    while (knownIds.contains(id) || lastGeneratedId.map(id::compareTo).orElse(1) <= 0) {
      if (++draws > 1000) {
        now = now.plusSeconds(1);
      }
      id = RevisionNaming.newId(now, random);
    }
    knownIds.add(id);
    lastGeneratedId = Optional.of(id);
    String className = RevisionNaming.className(id, classNameFrom);
    RevisionSource.Spec spec = new RevisionSource.Spec(packageName, className, id, parents, message,
        SchemaHash.of(after), changes, sql(changes, transactional), transactional);
    String source = RevisionSource.build(spec).toString();
    String snapshot = SnapshotWriter.write(new Snapshot(Optional.of(id), entityNames, after));

    if (!writeGeneratedSource(spec.qualifiedName(), source)) {
      return Optional.empty();
    }
    Path revisionFile = revisionsDir.resolve(className + ".java");
    pending.add(new PendingFile(revisionFile, source, "revision " + spec.qualifiedName()));
    pending.removeIf(p -> p.path().equals(snapshotPath));
    pending.add(new PendingFile(snapshotPath, snapshot, "the snapshot"));
    writtenNotes.add("wrote revision " + className + " (" + message + ") to " + revisionFile
        + " and the snapshot to " + snapshotPath + "; review both and commit them together");
    index.add(spec.qualifiedName());
    snapshotText = Optional.of(snapshot);
    return Optional.of(id);
  }

  /**
   * With {@code strata.concurrentIndexes}, indexes created on tables that exist before the revision
   * move into a second, non-transactional revision that creates them {@code CONCURRENTLY} (writes
   * go on while they are built); the first revision holds the other changes. Indexes only move when
   * the changes still apply in that order.
   */
  private void generateRevisions(List<Change> changes, Schema current, EntityModel model, List<String> entityNames,
      List<String> parents, String packageName, Path revisionsDir, Path snapshotPath) {
    List<Change> concurrent = new ArrayList<>();
    List<Change> rest = new ArrayList<>();
    for (Change change : changes) {
      boolean moves = options.concurrentIndexes() && change instanceof Change.CreateIndex create
          && current.table(create.table()).isPresent();
      (moves ? concurrent : rest).add(change);
    }
    Optional<Schema> middle = Optional.empty();
    if (!concurrent.isEmpty()) {
      try {
        Schema mid = Change.applyAll(current, rest);
        if (Change.applyAll(mid, concurrent).equals(model.schema())) {
          middle = Optional.of(mid);
        }
      } catch (IllegalStateException e) {
        middle = Optional.empty();
      }
    }
    ReviewWarnings.review(middle.isPresent() ? rest : changes, diagnostics,
        options.destructive() == StrataOptions.Destructive.ERROR, model.tableOrigins(), model.columnOrigins());
    if (diagnostics.hasErrors()) {
      return;
    }
    if (middle.isEmpty()) {
      String message = options.message().orElseGet(() -> ChangeDescription.message(changes));
      newRevision(changes, current, model.schema(), entityNames, parents, message, message, packageName,
          revisionsDir, snapshotPath);
      return;
    }
    List<String> indexParents = parents;
    if (!rest.isEmpty()) {
      String message = options.message().orElseGet(() -> ChangeDescription.message(rest));
      Optional<String> first = newRevision(rest, current, middle.get(), entityNames, parents, message, message,
          packageName, revisionsDir, snapshotPath);
      if (first.isEmpty()) {
        return;
      }
      indexParents = List.of(first.get());
    }
    String message = options.message().map(m -> m + " (indexes built concurrently)")
        .orElseGet(() -> ChangeDescription.message(concurrent) + " concurrently");
    newRevision(concurrent, middle.get(), model.schema(), entityNames, indexParents, message, message, packageName,
        revisionsDir, snapshotPath, false);
  }

  /**
   * The revision also goes through the Filer, so that this very compile compiles it and the artifact
   * of this build contains it. It has the same name as the file written into the source tree: the
   * next compile takes the class from the source tree, and the stale copy in the generated-sources
   * directory is only on the source path, where javac never looks for a class it already has (see
   * docs/processor.md, "The revision in this compile and the next").
   */
  private boolean writeGeneratedSource(String qualifiedName, String source) {
    try {
      JavaFileObject file = env.getFiler().createSourceFile(qualifiedName, originating.toArray(new Element[0]));
      try (Writer out = file.openWriter()) {
        out.write(source);
      }
      return true;
    } catch (IOException e) {
      diagnostics.error(ChainCode.WRITE_FAILED, "cannot generate " + qualifiedName + " for this compile: "
          + e.getMessage() + "; if a class of that name exists, delete it and compile again");
      return false;
    }
  }

  private static List<String> sql(List<Change> changes) {
    return sql(changes, true);
  }

  /** The upgrade's SQL as the runtime's dialect renders it, for the revision's Javadoc. */
  private static List<String> sql(List<Change> changes, boolean transactional) {
    List<String> statements = new ArrayList<>();
    for (Change change : changes) {
      if (!transactional && change instanceof Change.CreateIndex create) {
        statements.addAll(PostgresDialect.INSTANCE.createIndexConcurrently(create));
      } else {
        statements.addAll(change.accept(PostgresDialect.INSTANCE));
      }
    }
    return statements;
  }

  // ---- reading ---------------------------------------------------------------------------------------

  /** The snapshot at {@code path}, empty when there is none; with {@code report} false an invalid file is not an error. */
  private Optional<Snapshot> readSnapshot(Path path, boolean report) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      diagnostics.error(GenerateCode.SNAPSHOT_IO, "cannot read the snapshot " + path + ": " + e
          + "; check that the file is readable");
      return Optional.empty();
    }
    try {
      return Optional.of(SnapshotReader.read(text));
    } catch (SnapshotFormatException e) {
      if (!report) {
        return Optional.empty();
      }
      diagnostics.error(GenerateCode.SNAPSHOT_UNREADABLE, "the snapshot " + path + " is not valid at " + e.getMessage()
          + ". Fix that line, or restore the file from version control (a merge can leave conflict markers in it)");
      return Optional.empty();
    }
  }

  /**
   * The round's entities, plus the snapshot's entities that are not in the round but still exist
   * (on the class path, or as sources javac can find): an incremental compile sees only the changed
   * sources, and a table must only be dropped when its entity is truly gone.
   */
  private List<TypeElement> allEntities(List<TypeElement> roundEntities, List<String> snapshotEntities) {
    Map<String, TypeElement> all = new TreeMap<>();
    roundEntities.forEach(e -> all.put(e.getQualifiedName().toString(), e));
    for (String name : snapshotEntities) {
      if (all.containsKey(name)) {
        continue;
      }
      TypeElement type = env.getElementUtils().getTypeElement(name);
      if (type != null && hasAnnotation(type, ENTITY)) {
        all.put(name, type);
      }
    }
    return List.copyOf(all.values());
  }

  /**
   * {@code strata.package}; else the package of the head revision's file (so that revisions stay
   * where they are); else that of the newest revision in the round; else the entities' longest
   * common package plus {@code .migrations}.
   */
  private String revisionPackage(Path revisionsRoot, Optional<Snapshot> snapshot, Map<String, RevisionInfo> roundRevisions,
      List<TypeElement> entities) {
    if (options.revisionPackage().isPresent()) {
      return options.revisionPackage().get();
    }
    Optional<String> head = snapshot.flatMap(Snapshot::head);
    if (head.isPresent()) {
      for (RevisionInfo revision : roundRevisions.values()) {
        if (revision.id().equals(head.get())) {
          int dot = revision.className().lastIndexOf('.');
          return dot < 0 ? "" : revision.className().substring(0, dot);
        }
      }
      Optional<String> found = Locations.packageOfRevisionFile(revisionsRoot, head.get());
      if (found.isPresent()) {
        return found.get();
      }
    }
    Optional<RevisionInfo> newest = roundRevisions.values().stream().max(Comparator.comparing(RevisionInfo::id));
    if (newest.isPresent()) {
      int dot = newest.get().className().lastIndexOf('.');
      return dot < 0 ? "" : newest.get().className().substring(0, dot);
    }
    String common = Locations.commonPackage(entities.stream().map(Locations::packageOf).toList());
    return common.isEmpty() ? "migrations" : common + ".migrations";
  }

  private static Path directoryOf(Path root, String packageName) {
    Path dir = root;
    if (!packageName.isEmpty()) {
      for (String part : packageName.split("\\.")) {
        dir = dir.resolve(part);
      }
    }
    return dir;
  }

  /** The snapshot must be the state the head produces: its head line names the head, and the head records its hash. */
  private void checkSnapshotMatchesHead(Optional<Snapshot> snapshot, Path snapshotPath, RevisionGraph graph,
      Optional<RevisionInfo> head, Path revisionsDir) {
    if (head.isEmpty()) {
      Optional<String> named = snapshot.flatMap(Snapshot::head);
      if (named.isPresent()) {
        diagnostics.error(ChainCode.SNAPSHOT_HEAD_MISMATCH, "the snapshot " + snapshotPath + " names the head revision "
            + named.get() + ", but there are no revisions in " + revisionsDir + "; restore the revision files (or set "
            + StrataOptions.PACKAGE + "/" + StrataOptions.REVISIONS + " to where they are)");
      }
      return;
    }
    RevisionInfo h = head.get();
    if (snapshot.isEmpty()) {
      report(ChainCode.SNAPSHOT_MISSING, h, "revisions exist (head " + h.describe() + ") but the snapshot "
          + snapshotPath + " does not; restore it from version control (or set " + StrataOptions.SNAPSHOT
          + " to where it is)");
      return;
    }
    Optional<String> named = snapshot.get().head();
    if (!named.equals(Optional.of(h.id()))) {
      String problem;
      if (named.isEmpty()) {
        problem = "the snapshot " + snapshotPath + " has no head revision, but the chain's head is " + h.describe();
      } else if (graph.get(named.get()).isPresent()) {
        problem = "the snapshot " + snapshotPath + " is out of date: it is the state after revision " + named.get()
            + ", but the chain's head is " + h.describe() + ", which was added without updating the snapshot";
      } else {
        problem = "the snapshot " + snapshotPath + " names the head revision " + named.get()
            + ", which does not exist; the chain's head is " + h.describe();
      }
      report(ChainCode.SNAPSHOT_HEAD_MISMATCH, h, problem + ". Restore the snapshot that " + h.simpleName()
          + " produced (from version control), or delete " + h.simpleName() + " and compile again to regenerate it");
      return;
    }
    Optional<String> recorded = recordedHash(graph, h);
    String actual = SchemaHash.of(snapshot.get().schema());
    if (recorded.isPresent() && !recorded.get().equals(actual)) {
      report(ChainCode.SNAPSHOT_HASH_MISMATCH, h, "the snapshot " + snapshotPath + " is not the schema that revision "
          + h.describe() + " produces: the revision records " + recorded.get() + ", the snapshot's schema hashes to "
          + actual + ". The snapshot was edited by hand or badly merged: restore it from version control"
          + " (git checkout -- " + snapshotPath.getFileName() + "); if the revision's snapshot value was edited"
          + " instead, restore the revision");
    }
  }

  /**
   * The hash the head records; a hand-written revision that changes no managed object records none
   * ({@code snapshot = ""}), and then its first parent's counts.
   */
  private static Optional<String> recordedHash(RevisionGraph graph, RevisionInfo head) {
    RevisionInfo at = head;
    Set<String> seen = new TreeSet<>();
    while (at.snapshot().isEmpty() && !at.parents().isEmpty() && seen.add(at.id())) {
      Optional<RevisionInfo> parent = graph.get(at.parents().get(0));
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      at = parent.get();
    }
    return at.snapshot().isEmpty() ? Optional.empty() : Optional.of(at.snapshot());
  }

  private void report(ChainCode code, RevisionInfo at, String message) {
    RevisionGraph.report(diagnostics, code, at, message);
  }

  // ---- the last round ------------------------------------------------------------------------------

  private void finish() {
    if (diagnostics.hasErrors() || errorRaised) {
      if (!pending.isEmpty()) {
        diagnostics.note("wrote nothing into the source tree because the compile reported errors");
      }
      return;
    }
    for (PendingFile file : pending) {
      try {
        if (file.text() == null) {
          Files.deleteIfExists(file.path());
        } else {
          AtomicFiles.write(file.path(), file.text());
        }
      } catch (IOException e) {
        diagnostics.error(ChainCode.WRITE_FAILED, "cannot write " + file.what() + " to " + file.path() + ": " + e
            + "; check that the directory is writable, then compile again");
        return;
      }
    }
    writtenNotes.forEach(diagnostics::note);
    writeResource(INDEX, index.isEmpty() ? "" : String.join("\n", index) + "\n");
    snapshotText.ifPresent(text -> writeResource(SNAPSHOT_RESOURCE, text));
  }

  private void writeResource(String name, String text) {
    try {
      FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", name,
          originating.toArray(new Element[0]));
      try (Writer out = file.openWriter()) {
        out.write(text);
      }
    } catch (IOException e) {
      diagnostics.error(ChainCode.WRITE_FAILED, "cannot write the class-path resource " + name + ": " + e
          + "; check that the class output directory is writable");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------

  /** The {@code @Entity} types among the round's root elements and their nested types, by name. */
  private static List<TypeElement> entitiesIn(RoundEnvironment round) {
    List<TypeElement> found = new ArrayList<>();
    for (Element root : round.getRootElements()) {
      collectEntities(root, found);
    }
    found.sort(Comparator.comparing(e -> e.getQualifiedName().toString()));
    return found;
  }

  private static void collectEntities(Element element, List<TypeElement> found) {
    if (element instanceof TypeElement type) {
      if (hasAnnotation(type, ENTITY)) {
        found.add(type);
      }
      for (Element enclosed : type.getEnclosedElements()) {
        collectEntities(enclosed, found);
      }
    }
  }

  static boolean hasAnnotation(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      Element type = mirror.getAnnotationType().asElement();
      if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(annotation)) {
        return true;
      }
    }
    return false;
  }
}
