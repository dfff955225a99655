package io.goalpost.local.stack;

import io.goalpost.local.template.SamTemplate;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalStack} built from the repository's {@code template.yaml}, started
 * once per test JVM and closed when the JVM's tests are done. Queues use the shortened local
 * visibility timeout. Tests that need empty tables and queues call {@link LocalStack#reset()}.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class SomethingTest {
 *   SomethingTest(LocalStack stack) { ... }
 * }
 * }</pre>
 */
public final class LocalStackExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalStackExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public LocalStack resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store lives as long as the test run and closes AutoCloseable values at its end.
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalStack.class,
        key -> LocalStack.start(SamTemplate.load(RepositoryPaths.templateYaml()),
            LocalStackOptions.defaults()),
        LocalStack.class);
  }
}
