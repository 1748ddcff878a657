package dev.strata.processor.internal.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks git about a file in the working tree, for {@code strata.amend}: a revision may only be
 * rewritten while it is not in the current commit, and the committed snapshot is the state before
 * it. Runs the {@code git} command; every answer is empty when git cannot answer (not installed,
 * not a repository, no commit yet).
 */
final class GitFiles {
  private static final long TIMEOUT_SECONDS = 30;

  private GitFiles() {}

  /** The outcome of one git command. */
  record Result(int exitCode, String out) {}

  /** Whether {@code file} is in the {@code HEAD} commit; empty when git cannot tell. */
  static Optional<Boolean> isCommitted(Path file) {
    Optional<Result> result = run(file.getParent(), "ls-tree", "--name-only", "HEAD", "--",
        file.getFileName().toString());
    return result.filter(r -> r.exitCode() == 0).map(r -> !r.out().isBlank());
  }

  /** The text of {@code file} in the {@code HEAD} commit; empty when it is not there or git cannot tell. */
  static Optional<String> committedText(Path file) {
    Optional<Result> result = run(file.getParent(), "show", "HEAD:./" + file.getFileName());
    return result.filter(r -> r.exitCode() == 0).map(Result::out);
  }

  /**
   * The texts {@code file} had in the newest {@code limit} commits of any branch that changed it
   * (newest first); empty when git cannot tell.
   */
  static List<String> historyTexts(Path file, int limit) {
    Optional<Result> log = run(file.getParent(), "log", "--all", "--format=%H", "-n", Integer.toString(limit), "--",
        file.getFileName().toString());
    List<String> texts = new ArrayList<>();
    if (log.isEmpty() || log.get().exitCode() != 0) {
      return texts;
    }
    for (String commit : log.get().out().split("\n")) {
      if (commit.isBlank()) {
        continue;
      }
      run(file.getParent(), "show", commit.trim() + ":./" + file.getFileName())
          .filter(r -> r.exitCode() == 0).ifPresent(r -> texts.add(r.out()));
    }
    return texts;
  }

  private static Optional<Result> run(Path directory, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).directory(directory.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      byte[] out = readAll(process.getInputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return Optional.of(new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
