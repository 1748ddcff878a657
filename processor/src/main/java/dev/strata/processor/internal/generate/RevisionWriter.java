package dev.strata.processor.internal.generate;

import dev.strata.processor.internal.Diagnostics;
import dev.strata.processor.internal.chain.ChainCode;
import dev.strata.processor.internal.options.StrataOptions;
import dev.strata.runtime.internal.PostgresDialect;
import dev.strata.schema.Schema;
import dev.strata.schema.change.Change;
import dev.strata.snapshot.SchemaHash;
import dev.strata.snapshot.Snapshot;
import dev.strata.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * Makes new revisions: picks the id and class name, renders the source, creates it through the
 * {@code Filer} for this compile and queues the source-tree files (revision and snapshot).
 */
final class RevisionWriter {
  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;
  private final StrataOptions options;
  private final Output output;
  private final List<Element> originating;
  /** The ids in use: committed ones and those generated in this compile. */
  private final Set<String> knownIds = new TreeSet<>();
  private Optional<String> lastGeneratedId = Optional.empty();
  /** One per compile, so that two revisions of one compile get different ids. */
  private Random random;

  /** Where a new revision goes. */
  record Target(String packageName, Path revisionsDir, Path snapshotPath, List<String> entityNames) {}

  RevisionWriter(ProcessingEnvironment env, Diagnostics diagnostics, StrataOptions options, Output output,
      List<Element> originating) {
    this.env = env;
    this.diagnostics = diagnostics;
    this.options = options;
    this.output = output;
    this.originating = originating;
  }

  /** An id a new revision must not take. */
  void knownId(String id) {
    knownIds.add(id);
  }

  /**
   * Generates one revision from {@code current} to {@code desired} through {@code changes}; returns
   * its id, or empty when it could not be generated. A non-{@code transactional} revision creates
   * and drops its indexes concurrently and writes the safe forms of constraints and NOT NULL
   * ({@link ChangeRenderer#statements}).
   *
   * @param classNameFrom the text the class name is made from (usually the message)
   */
  Optional<String> newRevision(List<Change> changes, Schema current, Schema desired, List<String> parents,
      String message, String classNameFrom, boolean transactional, Target target) {
    Schema after = Change.applyAll(current, changes);
    if (!after.equals(desired)) {
      throw new IllegalStateException("the changes do not lead to the entities' schema");
    }
    String id = newId();
    String className = RevisionNaming.className(id, classNameFrom);
    RevisionSource.Spec spec = new RevisionSource.Spec(target.packageName(), className, id, parents, message,
        SchemaHash.of(after), changes, sql(changes, transactional), transactional);
    String source = RevisionSource.build(spec).toString();
    String snapshot = SnapshotWriter.write(new Snapshot(Optional.of(id), target.entityNames(), after));
    if (!writeGeneratedSource(spec.qualifiedName(), source)) {
      return Optional.empty();
    }
    Path revisionFile = target.revisionsDir().resolve(className + ".java");
    output.write(revisionFile, source, "revision " + spec.qualifiedName());
    output.write(target.snapshotPath(), snapshot, "the snapshot");
    output.note("wrote revision " + className + " (" + message + ") to " + revisionFile
        + " and the snapshot to " + target.snapshotPath() + "; review both and commit them together");
    output.index(spec.qualifiedName());
    output.snapshot(snapshot);
    return Optional.of(id);
  }

  private String newId() {
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
    return id;
  }

  /**
   * The revision also goes through the Filer, so that this very compile compiles it and the artifact
   * of this build contains it. It has the same name as the file written into the source tree: the
   * next compile takes the class from the source tree, and the stale copy in the generated-sources
   * directory is only on the source path, where javac never looks for a class it already has (see
   * docs/processor.md, "The revision in this compile and the next").
   */
  boolean writeGeneratedSource(String qualifiedName, String source) {
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

  /** The upgrade's SQL as the runtime's dialect renders it, for the revision's Javadoc. */
  static List<String> sql(List<Change> changes, boolean transactional) {
    List<String> statements = new ArrayList<>();
    for (Change change : changes) {
      if (!transactional && change instanceof Change.CreateIndex create) {
        statements.addAll(PostgresDialect.INSTANCE.createIndexConcurrently(create));
      } else if (!transactional && change instanceof Change.DropIndex drop) {
        statements.addAll(PostgresDialect.INSTANCE.dropIndexConcurrently(drop));
      } else if (!transactional && change instanceof Change.AddForeignKey add) {
        statements.addAll(PostgresDialect.INSTANCE.addForeignKeyNotValid(add));
        statements.addAll(PostgresDialect.INSTANCE.validateConstraint(add.table(), add.key().name()));
      } else if (!transactional && change instanceof Change.AddCheckConstraint add) {
        statements.addAll(PostgresDialect.INSTANCE.addCheckConstraintNotValid(add));
        statements.addAll(PostgresDialect.INSTANCE.validateConstraint(add.table(), add.constraint().name()));
      } else if (!transactional && change instanceof Change.AlterColumnNullable alter && !alter.nullable()) {
        statements.addAll(PostgresDialect.INSTANCE.setNotNullViaCheck(alter.table(), alter.column()));
      } else {
        statements.addAll(change.accept(PostgresDialect.INSTANCE));
      }
    }
    return statements;
  }
}
