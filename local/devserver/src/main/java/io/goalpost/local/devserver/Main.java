package io.goalpost.local.devserver;

import io.goalpost.local.stack.RepositoryPaths;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local [--port N] [--template path] [--from-jars]}: the dev server until Ctrl-C.
 * {@code --from-jars} hosts each function from its deployable jar, as Lambda would.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("GOALPOST_PORT", "3000"));
    Path template = null;
    boolean fromJars = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--template" -> template = Path.of(args[++i]);
        case "--from-jars" -> fromJars = true;
        default -> {
          System.err.println("usage: run-local [--port N] [--template template.yaml] [--from-jars]");
          System.exit(2);
        }
      }
    }
    if (template == null) {
      template = RepositoryPaths.templateYaml();
    }
    DevServer.Options options = DevServer.Options.defaults(template, port);
    DevServer server = DevServer.start(fromJars ? options.fromDeployableJars() : options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping the dev server");
      server.close();
      stopped.countDown();
    }, "dev-server-shutdown"));
    System.out.println("Ready. Ctrl-C stops it.");
    stopped.await();
  }
}
