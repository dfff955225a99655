package io.goalpost.local.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the repository's {@code template.yaml} and the {@code local/stack} directory (where
 * dynalite is installed) from wherever the JVM was started: the repository root (dev server),
 * a module directory (surefire runs tests there) or anything below the root.
 */
public final class RepositoryPaths {

  /** Overrides where {@code local/stack} is, e.g. for a dev server started elsewhere. */
  public static final String STACK_DIR_PROPERTY = "goalpost.stack.dir";

  private RepositoryPaths() {}

  /** The directory holding the repository's {@code template.yaml}. */
  public static Path repositoryRoot() {
    return upFromWorkingDirectory(dir -> Files.isRegularFile(dir.resolve("template.yaml"))
            && Files.isDirectory(dir.resolve("local/stack")))
        .orElseThrow(() -> new IllegalStateException(
            "no template.yaml with local/stack beside it in " + workingDirectory() + " or above"));
  }

  public static Path templateYaml() {
    return repositoryRoot().resolve("template.yaml");
  }

  /** {@code local/stack}: its {@code node_modules} holds dynalite. */
  public static Path stackDirectory() {
    String configured = System.getProperty(STACK_DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return upFromWorkingDirectory(dir -> Files.isRegularFile(dir.resolve("local/stack/package.json")))
        .map(root -> root.resolve("local/stack"))
        .orElseThrow(() -> new IllegalStateException("no local/stack in " + workingDirectory()
            + " or above; set -D" + STACK_DIR_PROPERTY));
  }

  private static Optional<Path> upFromWorkingDirectory(java.util.function.Predicate<Path> found) {
    for (Path dir = workingDirectory(); dir != null; dir = dir.getParent()) {
      if (found.test(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static Path workingDirectory() {
    return Path.of("").toAbsolutePath().normalize();
  }
}
