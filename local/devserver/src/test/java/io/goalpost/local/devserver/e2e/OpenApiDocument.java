package io.goalpost.local.devserver.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API's OpenAPI 3.1 document, as the dev server serves it, used to check real responses: the
 * documented schema of (path, method, status) must accept the body, and a documented status must
 * exist at all. Schemas are JSON Schema 2020-12 (OpenAPI 3.1's dialect); every response schema
 * is a {@code $ref} into {@code components/schemas}, validated with the whole document loaded so
 * references resolve.
 */
final class OpenApiDocument {

    private static final String LOCATION = "https://goalpost.invalid/api/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry schemas;

    OpenApiDocument(String text) {
        try {
            this.document = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(LOCATION, text)));
    }

    JsonNode json() {
        return document;
    }

    boolean documents(String method, String path) {
        return document.path("paths").path(path).has(method.toLowerCase(Locale.ROOT));
    }

    /** What is wrong with the response by the document; empty when it matches. */
    List<String> problems(String method, String path, HttpResponse<String> response) {
        String status = Integer.toString(response.statusCode());
        JsonNode documented = document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT))
                .path("responses").path(status);
        if (documented.isMissingNode()) {
            return List.of(method + " " + path + " answered " + status + ", which the document does not list: "
                    + response.body());
        }
        documented = resolve(documented);
        JsonNode content = documented.path("content").path("application/json");
        if (content.isMissingNode()) {
            return response.body().isEmpty() ? List.of()
                    : List.of(method + " " + path + " " + status + " has a body the document does not describe");
        }
        if (!response.headers().firstValue("content-type").orElse("").startsWith("application/json")) {
            return List.of(method + " " + path + " " + status + " is not application/json");
        }
        return problems(content.path("schema").path("$ref").asText(), response.body());
    }

    /** What is wrong with a JSON body by one schema of the document ({@code #/components/schemas/…}). */
    List<String> problems(String schemaRef, String body) {
        if (!schemaRef.startsWith("#/components/schemas/")) {
            return List.of("response schemas are references into components/schemas, not " + schemaRef);
        }
        Schema schema = schemas.getSchema(SchemaLocation.of(LOCATION + schemaRef));
        List<Error> errors = schema.validate(body, InputFormat.JSON);
        return errors.stream().map(error -> schemaRef + ": " + error).collect(Collectors.toList());
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }
}
