package io.goalpost.local.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, the DynamoDB emulator, as a child {@code node} process on a free loopback port.
 * It runs through {@code dynalite-wrapper.js}, which exits when its stdin closes, so the node
 * process dies with the JVM however the JVM ends.
 */
public final class Dynalite implements AutoCloseable {

  /** Overrides the node executable (default: {@code node} on the PATH). */
  public static final String NODE_PROPERTY = "goalpost.node";

  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
  private static final int ATTEMPTS = 3;
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
    String wrapper = wrapperScript();
    IllegalStateException failure = null;
    // Another process can take the port between our probe and node's bind: try a fresh one.
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return launch(cli, wrapper, freePort());
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    throw failure;
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

  private static Dynalite launch(Path cli, String wrapper, int port) {
    List<String> command = List.of(System.getProperty(NODE_PROPERTY, "node"), "-e", wrapper,
        cli.toString(), "--host", HOST, "--port", Integer.toString(port),
        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node (is Node 20+ on the PATH?)", e);
    }
    Deque<String> output = new ArrayDeque<>();
    drain(process.getInputStream(), output, port);
    Dynalite dynalite = new Dynalite(process, port, output);
    dynalite.awaitListening();
    return dynalite;
  }

  private void awaitListening() {
    long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("dynalite exited with " + process.exitValue() + ":\n"
            + recentOutput());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 200);
        return;
      } catch (IOException notYet) {
        pause();
      }
    }
    close();
    throw new IllegalStateException("dynalite did not listen on " + port + " within "
        + STARTUP_TIMEOUT + ":\n" + recentOutput());
  }

  private String recentOutput() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** Keeps the last lines node printed (for error messages) and never lets its pipe fill up. */
  private static void drain(InputStream stream, Deque<String> output, int port) {
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
        }
      } catch (IOException ignored) {
        // node is gone; nothing left to read.
      }
    }, "dynalite-" + port + "-output");
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(25);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for dynalite", e);
    }
  }
}
