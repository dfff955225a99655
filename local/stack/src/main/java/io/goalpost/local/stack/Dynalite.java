package io.goalpost.local.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dynalite, the DynamoDB emulator, as a child {@code node} process on a loopback port the kernel picks.
 * It runs through {@code dynalite-wrapper.js}, which exits when its stdin closes, so the node
 * process dies with the JVM however the JVM ends.
 */
public final class Dynalite implements AutoCloseable {

  /** Overrides the node executable (default: {@code node} on the PATH). */
  public static final String NODE_PROPERTY = "goalpost.node";

  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
  /** What the wrapper prints, in dynalite's own words, once the server listens. */
  private static final Pattern LISTENING = Pattern.compile("^Dynalite listening at: https?://[^:]+:(\\d+)");
  private static final int OUTPUT_LINES_KEPT = 40;

  private final Process process;
  private final int port;
  private final Deque<String> output;

  private Dynalite(Process process, int port, Deque<String> output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** Starts dynalite from {@code local/stack/node_modules}, found by {@link RepositoryPaths}. */
  public static Dynalite start() {
    return start(RepositoryPaths.stackDirectory());
  }

  public static Dynalite start(Path stackDirectory) {
    Path cli = stackDirectory.resolve("node_modules/dynalite/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(cli + " is missing: run `npm ci --ignore-scripts` in "
          + stackDirectory + " (the Maven build does it when node_modules lacks dynalite)");
    }
    return launch(cli, wrapperScript());
  }

  public URI endpoint() {
    return URI.create("http://" + HOST + ":" + port);
  }

  /** The node process, for tests that check it is gone. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // The pipe is already closed: node is exiting anyway.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Port 0: node binds a port the kernel picks, so no other process can take it between a probe
   * and the bind. dynalite prints the port once it listens; that line is the signal we wait for.
   */
  private static Dynalite launch(Path cli, String wrapper) {
    List<String> command = List.of(System.getProperty(NODE_PROPERTY, "node"), "-e", wrapper,
        cli.getParent().toString(), HOST);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node (is Node 20+ on the PATH?)", e);
    }
    Deque<String> output = new ArrayDeque<>();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    drain(process.getInputStream(), output, listening);
    try {
      return new Dynalite(process, listening.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), output);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      String why = e instanceof TimeoutException ? "did not listen within " + STARTUP_TIMEOUT
          : "exited before it listened";
      throw new IllegalStateException("dynalite " + why + ":\n" + recentOutput(output), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dynalite", e);
    }
  }

  /** The last lines node printed, for tests and error messages. */
  String recentOutput() {
    return recentOutput(output);
  }

  private static String recentOutput(Deque<String> output) {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /**
   * Keeps the last lines node printed (for error messages) and never lets its pipe fill up;
   * completes {@code listening} with the port from dynalite's "listening at" line, or
   * exceptionally when node's output ends first (it exited).
   */
  private static void drain(InputStream stream, Deque<String> output, CompletableFuture<Integer> listening) {
    Thread drainer = new Thread(() -> {
      try (BufferedReader reader =
               new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          synchronized (output) {
            output.addLast(line);
            if (output.size() > OUTPUT_LINES_KEPT) {
              output.removeFirst();
            }
          }
          Matcher listeningAt = LISTENING.matcher(line);
          if (listeningAt.find()) {
            listening.complete(Integer.parseInt(listeningAt.group(1)));
          }
        }
      } catch (IOException ignored) {
        // node is gone; nothing left to read.
      }
      listening.completeExceptionally(new IllegalStateException("node's output ended"));
    }, "dynalite-output");
    drainer.setDaemon(true);
    drainer.start();
  }

  private static String wrapperScript() {
    try (InputStream in = Dynalite.class.getResourceAsStream("dynalite-wrapper.js")) {
      if (in == null) {
        throw new IllegalStateException("dynalite-wrapper.js is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
