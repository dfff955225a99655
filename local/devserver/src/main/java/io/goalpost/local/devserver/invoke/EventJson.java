package io.goalpost.local.devserver.invoke;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Events and results as JSON, through the serializers the Lambda Java runtime itself uses: AWS
 * event classes get their real wire names ({@code "Records"}, {@code "detail-type"},
 * {@code "eventSourceARN"}), anything else plain Jackson. So a handler that takes a {@code Map}
 * or reads a stream sees exactly what it would see in Lambda.
 */
final class EventJson {
    private EventJson() {
    }

    static byte[] write(Object value) {
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> serializer = (PojoSerializer<Object>) serializerFor(value.getClass());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toByteArray();
    }

    static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    static Object read(String json, Type type) {
        if (type instanceof Class<?> eventClass && isAwsEvent(eventClass)) {
            return serializerFor(eventClass).fromJson(json);
        }
        return JacksonFactory.getInstance().getSerializer(type).fromJson(json);
    }

    static <T> T read(String json, Class<T> type) {
        return type.cast(read(json, (Type) type));
    }

    private static <T> PojoSerializer<T> serializerFor(Class<T> type) {
        if (isAwsEvent(type)) {
            // A deployable jar's event classes come with their own loader (FunctionJarClassLoader).
            ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : EventJson.class.getClassLoader();
            return LambdaEventSerializers.serializerFor(type, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static boolean isAwsEvent(Class<?> type) {
        return LambdaEventSerializers.isLambdaSupportedEvent(type.getName());
    }
}
