package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One handler object, built once from a SAM {@code Handler} string and called the way the Lambda
 * Java runtime calls it: a {@link RequestHandler} gets the event as its declared input type, a
 * {@link RequestStreamHandler} gets the event's JSON.
 */
final class HandlerInstance {
    private final Object handler;
    private final Type inputType;
    /** Lambda runs a handler with its own loader as the thread's context loader; the AWS SDK looks there. */
    private final ClassLoader loader;

    private HandlerInstance(Object handler, Type inputType, ClassLoader loader) {
        this.handler = handler;
        this.inputType = inputType;
        this.loader = loader;
    }

    /**
     * @param handlerString {@code com.example.Foo} or {@code com.example.Foo::handleRequest}
     * @param warn          told when the handler cannot take the function's environment
     */
    static HandlerInstance load(String handlerString, Map<String, String> env, Clock clock,
                                Consumer<String> warn) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(handlerString, env, clock, warn, context != null ? context : HandlerInstance.class.getClassLoader());
    }

    /** The same, with the handler's classes from {@code loader} (a deployable jar's, see {@link FunctionJarClassLoader}). */
    static HandlerInstance load(String handlerString, Map<String, String> env, Clock clock,
                                Consumer<String> warn, ClassLoader loader) {
        String[] parts = handlerString.split("::", 2);
        if (parts.length == 2 && !parts[1].equals("handleRequest")) {
            throw new IllegalArgumentException("Handler " + handlerString
                    + ": only RequestHandler and RequestStreamHandler classes (method handleRequest) are supported");
        }
        Class<?> type = loadClass(parts[0], loader);
        Object handler;
        try (ContextLoader ignored = new ContextLoader(loader)) {
            handler = instantiate(type, env, clock, warn);
        }
        if (handler instanceof RequestStreamHandler) {
            return new HandlerInstance(handler, null, loader);
        }
        if (handler instanceof RequestHandler<?, ?>) {
            Type input = requestHandlerInput(type, Map.of());
            return new HandlerInstance(handler, input == null ? Object.class : input, loader);
        }
        throw new IllegalArgumentException("Handler " + handlerString
                + " implements neither RequestHandler nor RequestStreamHandler");
    }

    /** The handler's result: its return value, or for a stream handler the text it wrote. */
    Object handle(Object event, Context context) throws Exception {
        try (ContextLoader ignored = new ContextLoader(loader)) {
            return call(event, context);
        }
    }

    private Object call(Object event, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(EventJson.write(event)), output, context);
            return new StreamOutput(output.toString(StandardCharsets.UTF_8));
        }
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
        return typed.handleRequest(asInput(event), context);
    }

    private Object asInput(Object event) {
        Class<?> raw = rawClass(inputType);
        if (raw != Object.class && !(inputType instanceof ParameterizedType) && raw.isInstance(event)) {
            return event;
        }
        // Map, POJO or another event class: Lambda builds it from the event's JSON, so do we.
        return EventJson.read(EventJson.writeString(event), inputType);
    }

    /** What a {@link RequestStreamHandler} wrote, kept apart from a handler that returns a String. */
    record StreamOutput(String text) {
    }

    /** Makes {@code loader} the thread's context loader until {@link ContextLoader#close()}. */
    private static final class ContextLoader implements AutoCloseable {
        private final Thread thread = Thread.currentThread();
        private final ClassLoader previous = thread.getContextClassLoader();

        ContextLoader(ClassLoader loader) {
            thread.setContextClassLoader(loader);
        }

        @Override
        public void close() {
            thread.setContextClassLoader(previous);
        }
    }

    private static Class<?> loadClass(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Handler class not found: " + name, e);
        }
    }

    private static Object instantiate(Class<?> type, Map<String, String> env, Clock clock, Consumer<String> warn) {
        try {
            try {
                Constructor<?> configured = type.getConstructor(Map.class, Clock.class);
                return configured.newInstance(env, clock);
            } catch (NoSuchMethodException e) {
                warn.accept(type.getName() + " has no public (Map<String,String>, Clock) constructor:"
                        + " using the no-argument one, which reads the JVM's environment, not the template's");
                return type.getConstructor().newInstance();
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName()
                    + " needs a public (Map<String,String>, Clock) or no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getName() + " failed to initialise", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " cannot be instantiated", e);
        }
    }

    /**
     * The {@code I} of {@code RequestHandler<I, O>}, followed through superclasses and
     * sub-interfaces with their type arguments bound; null when the handler never names it.
     */
    private static Type requestHandlerInput(Type type, Map<TypeVariable<?>, Type> outer) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                Type argument = arguments[i];
                bound.put(variables[i], argument instanceof TypeVariable<?> v ? outer.getOrDefault(v, Object.class) : argument);
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
        } else {
            return null;
        }
        if (raw == RequestHandler.class) {
            return bound.getOrDefault(RequestHandler.class.getTypeParameters()[0], Object.class);
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type found = requestHandlerInput(parent, bound);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : requestHandlerInput(superclass, bound);
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }
}
