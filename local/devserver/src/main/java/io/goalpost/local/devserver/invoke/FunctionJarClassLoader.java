package io.goalpost.local.devserver.invoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class loader a function's deployable jar runs in, arranged as the Lambda Java runtime
 * arranges it: the runtime's interfaces ({@code com.amazonaws.services.lambda.runtime.Context},
 * {@code RequestHandler}, …) come from the host, everything else — the events library, the AWS
 * SDK, Jackson, our code — only from the jar. So a class the shade plugin left out fails here as
 * it would fail in Lambda, instead of being found quietly on the dev server's class path.
 */
final class FunctionJarClassLoader extends URLClassLoader {
    private static final String RUNTIME = "com.amazonaws.services.lambda.runtime.";
    /** Packages under the runtime's prefix that a function ships itself, as in Lambda. */
    private static final String[] SHIPPED = {RUNTIME + "events.", RUNTIME + "serialization."};

    private FunctionJarClassLoader(String name, URL jar) {
        super(name, new URL[] {jar}, new RuntimeInterfaces());
    }

    /**
     * @throws IllegalArgumentException when the jar does not exist (it is built by {@code mvn package})
     */
    static FunctionJarClassLoader of(String functionName, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(functionName + ": no deployable jar at " + jar
                    + " (build it first: mvn -DskipTests package)");
        }
        try {
            return new FunctionJarClassLoader(functionName, jar.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host's Lambda runtime interfaces; the JDK for the rest. */
    private static final class RuntimeInterfaces extends ClassLoader {
        private final ClassLoader host = FunctionJarClassLoader.class.getClassLoader();

        RuntimeInterfaces() {
            super("lambda-runtime", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith(RUNTIME) && !shipped(name)) {
                return host.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }

        private static boolean shipped(String name) {
            for (String prefix : SHIPPED) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
