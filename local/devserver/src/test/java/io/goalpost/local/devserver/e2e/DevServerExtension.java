package io.goalpost.local.devserver.e2e;

import io.goalpost.local.devserver.DevServer;
import io.goalpost.local.stack.RepositoryPaths;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One dev server on the repository's template.yaml, on a free port, per test JVM. Schedules are
 * not started: tests fire them when they mean to.
 */
public final class DevServerExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DevServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(DevServerExtension.class, key -> new Running(), Running.class)
        .server;
  }

  private static final class Running implements AutoCloseable {
    final DevServer server = DevServer.start(
        DevServer.Options.defaults(RepositoryPaths.templateYaml(), 0).withoutSchedules());

    @Override
    public void close() {
      server.close();
    }
  }
}
