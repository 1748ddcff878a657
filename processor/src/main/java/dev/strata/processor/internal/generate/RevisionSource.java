package dev.strata.processor.internal.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.strata.processor.internal.review.TypeChanges;
import dev.strata.schema.change.Change;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The Java source of one revision, built with JavaPoet from typed placeholders: the
 * {@code @Revision} annotation, {@code upgrade} with one {@code Operations} call per change and
 * {@code downgrade} with the inverses in reverse order. The class Javadoc carries the message, the
 * parents and, when given, the SQL the upgrade runs, so reviewers read SQL too.
 */
final class RevisionSource {
  static final ClassName REVISION = ClassName.get("dev.strata.runtime", "Revision");
  static final ClassName MIGRATION = ClassName.get("dev.strata.runtime", "Migration");
  static final ClassName OPERATIONS = ClassName.get("dev.strata.runtime", "Operations");
  private static final String OP = "op";

  /**
   * What goes into a revision.
   *
   * @param upgradeSql the SQL statements of the upgrade, for the Javadoc; empty to leave it out
   * @param transactional false for a revision that runs outside a transaction: it creates (and
   *     drops) its indexes concurrently, adds constraints NOT VALID and validates them, and sets NOT
   *     NULL through a validated check
   */
  record Spec(String packageName, String className, String id, List<String> parents, String message,
      String snapshotHash, List<Change> upgrade, List<String> upgradeSql, boolean transactional) {
    Spec {
      Objects.requireNonNull(packageName, "packageName");
      Objects.requireNonNull(className, "className");
      Objects.requireNonNull(id, "id");
      parents = List.copyOf(parents);
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(snapshotHash, "snapshotHash");
      upgrade = List.copyOf(upgrade);
      upgradeSql = List.copyOf(upgradeSql);
    }

    String qualifiedName() {
      return packageName.isEmpty() ? className : packageName + "." + className;
    }
  }

  private RevisionSource() {}

  static JavaFile build(Spec spec) {
    AnnotationSpec.Builder revision = AnnotationSpec.builder(REVISION).addMember("id", "$S", spec.id());
    if (spec.parents().isEmpty()) {
      revision.addMember("parent", "{}");
    }
    for (String parent : spec.parents()) {
      revision.addMember("parent", "$S", parent);
    }
    revision.addMember("message", "$L", ChangeRenderer.literal(spec.message()))
        .addMember("snapshot", "$S", spec.snapshotHash());
    if (!spec.transactional()) {
      revision.addMember("transactional", "$L", false);
    }

    ChangeRenderer renderer = new ChangeRenderer(OP, !spec.transactional());
    MethodSpec.Builder upgrade = migrationMethod("upgrade");
    MethodSpec.Builder downgrade = migrationMethod("downgrade");
    if (spec.upgrade().isEmpty()) {
      upgrade.addComment("Hand-written steps go here, e.g. op.execute($S);", "update orders set total = 0");
      downgrade.addComment("Undo the upgrade's steps here, where they can be undone.");
    }
    for (Change change : spec.upgrade()) {
      renderer.statements(change).forEach(call -> upgrade.addStatement("$L", call));
    }
    List<Change> inverse = Change.inverseOf(spec.upgrade());
    for (int i = 0; i < inverse.size(); i++) {
      Change undone = spec.upgrade().get(spec.upgrade().size() - 1 - i);
      // The text as an argument, never as the format: a name may hold JavaPoet's '$'.
      lostData(undone).ifPresent(text -> downgrade.addComment("$L", text));
      renderer.statements(inverse.get(i)).forEach(call -> downgrade.addStatement("$L", call));
    }

    TypeSpec type = TypeSpec.classBuilder(spec.className())
        .addJavadoc(javadoc(spec))
        .addAnnotation(revision.build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(MIGRATION)
        .addMethod(upgrade.build())
        .addMethod(downgrade.build())
        .build();
    return JavaFile.builder(spec.packageName(), type).skipJavaLangImports(true).indent("    ").build();
  }

  private static MethodSpec.Builder migrationMethod(String name) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(OPERATIONS, OP);
  }

  private static CodeBlock javadoc(Spec spec) {
    CodeBlock.Builder doc = CodeBlock.builder().add("$L\n", escape(spec.message()));
    if (spec.parents().isEmpty()) {
      doc.add("\n<p>The first revision: it has no parent.\n");
    } else if (spec.parents().size() == 1) {
      doc.add("\n<p>Parent: {@code $L}.\n", spec.parents().get(0));
    } else {
      doc.add("\n<p>Merges the revisions {@code $L}.\n", String.join("}, {@code ", spec.parents()));
    }
    if (!spec.upgradeSql().isEmpty()) {
      doc.add("\n<p>The upgrade runs on PostgreSQL:\n<pre>\n");
      for (String statement : spec.upgradeSql()) {
        doc.add("$L;\n", escape(statement));
      }
      doc.add("</pre>\n");
    }
    return doc.build();
  }

  /**
   * Javadoc text: HTML-escaped, and no {@code @} or comment end that javac would read as markup.
   * Backslashes become {@code &#92;} because javac reads Unicode escapes even inside comments, so a
   * name spelling the escape of {@code *} followed by {@code /} would end the Javadoc.
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("\\", "&#92;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("@", "&#64;").replace("*/", "*&#47;");
  }

  /**
   * A name in a line comment. A line break in it would end the comment and turn the rest of the
   * line into code, and javac reads Unicode escapes even in comments (the escape of a line feed is a
   * line break too). So backslashes are doubled, which leaves javac no escape to read, and line
   * breaks and other control characters are written as {@code \n}, {@code \r}, {@code \t} or
   * {@code U+XXXX}.
   */
  static String commentText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("U+%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** What the downgrade of {@code undone} cannot bring back, as a comment line. */
  private static Optional<String> lostData(Change undone) {
    if (undone instanceof Change.DropTable drop) {
      return Optional.of("Recreates table " + commentText(drop.table().name().toString())
          + " empty: its rows cannot be restored.");
    }
    if (undone instanceof Change.DropColumn drop) {
      return Optional.of("Re-adds column " + commentText(drop.table() + "." + drop.column().name())
          + " without its values: they cannot be restored.");
    }
    if (undone instanceof Change.AlterColumnType alter && TypeChanges.isNarrowing(alter.from(), alter.to())) {
      return Optional.of("Values of " + commentText(alter.table() + "." + alter.column()) + " cut by the change to "
          + alter.to() + " cannot be restored.");
    }
    return Optional.empty();
  }
}
