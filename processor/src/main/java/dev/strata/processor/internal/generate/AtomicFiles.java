package dev.strata.processor.internal.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old or the new content, never a half-written file:
 * the text goes to a temporary file in the same directory, which is then renamed over the target.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void write(Path target, String text) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
