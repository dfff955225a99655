package io.goalpost.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteTest {

  @Test
  void listensOnTheLoopbackPortItReportsUntilClosed() throws IOException {
    Dynalite dynalite = Dynalite.start();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", dynalite.endpoint().getPort()), 1000);
    } finally {
      dynalite.close();
    }
    assertThat(dynalite.isAlive()).isFalse();
    assertThat(isRunning(dynalite.pid())).isFalse();
  }

  @Test
  void twoAtOnceListenOnPortsOfTheirOwn() throws IOException {
    try (Dynalite one = Dynalite.start(); Dynalite other = Dynalite.start()) {
      assertThat(one.endpoint().getPort()).isNotEqualTo(other.endpoint().getPort());
      for (Dynalite dynalite : List.of(one, other)) {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", dynalite.endpoint().getPort()), 1000);
        }
        assertThat(dynalite.isAlive()).isTrue();
      }
    }
  }

  @Test
  void keepsServingAfterAClientGivesUpHalfwayThroughARequest() throws IOException {
    try (Dynalite dynalite = Dynalite.start()) {
      try (Socket halfway = new Socket("127.0.0.1", dynalite.endpoint().getPort())) {
        halfway.getOutputStream().write(("POST / HTTP/1.1\r\nHost: dynalite\r\nContent-Length: 100\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\n\r\n{\"Tab").getBytes(StandardCharsets.US_ASCII));
        halfway.getOutputStream().flush();
      }
      // Node says when it has dropped it; without the wrapper's care it would have exited instead.
      await().atMost(Duration.ofSeconds(10))
          .until(() -> dynalite.recentOutput().contains("dropped a request its client abandoned"));

      assertThat(statusOfListTables(dynalite)).isEqualTo("HTTP/1.1 200 OK");
      assertThat(dynalite.isAlive()).isTrue();
    }
  }

  /** A whole request, answered by the same node process. */
  private static String statusOfListTables(Dynalite dynalite) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", dynalite.endpoint().getPort())) {
      socket.setSoTimeout(10_000);
      String body = "{}";
      socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: dynalite\r\nConnection: close\r\n"
          + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\n"
          + "Authorization: AWS4-HMAC-SHA256 Credential=local/20261126/us-east-1/dynamodb/aws4_request, "
          + "SignedHeaders=host, Signature=0\r\nX-Amz-Date: 20261126T000000Z\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  @Test
  void saysWhatNodePrintedWhenDynaliteExitsBeforeItListens(@TempDir Path stack) throws IOException {
    Path dynalite = stack.resolve("node_modules/dynalite");
    Files.createDirectories(dynalite);
    Files.writeString(dynalite.resolve("cli.js"), "");
    Files.writeString(dynalite.resolve("index.js"), "console.log('no table store here'); process.exit(3)");

    assertThatThrownBy(() -> Dynalite.start(stack))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited before it listened")
        .hasMessageContaining("no table store here");
  }

  @Test
  void leavesNoNodeProcessBehindWhenItsJvmIsKilled() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-D" + RepositoryPaths.STACK_DIR_PROPERTY + "=" + RepositoryPaths.stackDirectory(),
        DynaliteInChildJvm.class.getName())
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> firstLineStartingWith(out, "node-pid="))
          .get(60, TimeUnit.SECONDS);
      long nodePid = Long.parseLong(line.substring("node-pid=".length()));
      assertThat(isRunning(nodePid)).as("node runs while its JVM does").isTrue();

      child.destroyForcibly(); // SIGKILL: no shutdown hook runs.
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> !isRunning(nodePid));
    } finally {
      child.destroyForcibly();
    }
  }

  private static String firstLineStartingWith(BufferedReader reader, String prefix) {
    try {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      throw new IllegalStateException("the child JVM ended without printing " + prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Alive and not a zombie waiting for a parent that does not reap it. */
  private static boolean isRunning(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
      } catch (IOException gone) {
        return false;
      }
    }
    return false;
  }
}
