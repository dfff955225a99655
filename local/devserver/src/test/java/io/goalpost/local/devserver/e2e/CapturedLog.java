package io.goalpost.local.devserver.e2e;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

/**
 * Every line a dev server and its functions log, for a privacy scan: the server's own log, the
 * functions' Lambda loggers, and whatever anything prints to standard out or standard error while
 * it is installed (some adapters log through {@code System.out::println}, bound when the handler
 * is built, so it must be installed before the server starts).
 */
final class CapturedLog implements AutoCloseable {

  private final Queue<String> serverLines = new ConcurrentLinkedQueue<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;

  private CapturedLog() {
    System.setOut(new PrintStream(new Tee(originalOut, capture), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr, capture), true, StandardCharsets.UTF_8));
  }

  static CapturedLog install() {
    return new CapturedLog();
  }

  /** Where the server's own log goes. */
  void serverLine(String line) {
    serverLines.add(line);
  }

  /** Where the functions' loggers write. */
  PrintStream functionLog() {
    return capture;
  }

  List<String> lines() {
    String text;
    synchronized (capture) {
      capture.flush();
      text = printed.toString(StandardCharsets.UTF_8);
    }
    return Stream.concat(serverLines.stream(), text.lines()).toList();
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  /** Writes to the console as before and to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream console;
    private final PrintStream capture;

    Tee(OutputStream console, PrintStream capture) {
      this.console = console;
      this.capture = capture;
    }

    @Override
    public void write(int b) {
      synchronized (capture) {
        capture.write(b);
      }
      try {
        console.write(b);
      } catch (java.io.IOException e) {
        // The console is not what is being tested; the capture has the byte.
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (capture) {
        capture.write(bytes, offset, length);
      }
      try {
        console.write(bytes, offset, length);
      } catch (java.io.IOException e) {
        // As above.
      }
    }

    @Override
    public void flush() {
      capture.flush();
      try {
        console.flush();
      } catch (java.io.IOException e) {
        // As above.
      }
    }
  }
}
