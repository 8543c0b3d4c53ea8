package de.efa.bench.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The operations a service documents in its OpenAPI document ({@code /q/openapi?format=json}). */
public final class OpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final int MAX_REF_DEPTH = 20;

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    public static OpenApi parse(String json) {
        try {
            return new OpenApi(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode item = resolve(path.getValue());
            for (Iterator<Map.Entry<String, JsonNode>> methods = item.fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(path.getKey(), method.getKey().toUpperCase(Locale.ROOT), item,
                            resolve(method.getValue())));
                }
            }
        }
        return operations;
    }

    private Operation operation(String path, String method, JsonNode item, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : source) {
                JsonNode resolved = resolve(parameter);
                parameters.add(new Parameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
            }
        }
        JsonNode body = resolve(operation.path("requestBody")).path("content");
        JsonNode bodySchema = body.isMissingNode() ? MissingNode.getInstance()
                : resolve(body.path("application/json").path("schema"));
        if (!body.isMissingNode() && bodySchema.isMissingNode()) {
            bodySchema = JSON.createObjectNode();
        }
        return new Operation(path, method, parameters, bodySchema);
    }

    /** Follows {@code $ref}s within the document. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; current.has("$ref") && depth < MAX_REF_DEPTH; depth++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /** A parameter of an operation: {@code in} is path, query or header. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    /** One method on one path, with its parameters and the schema of its JSON body (missing without a body). */
    public record Operation(String path, String method, List<Parameter> parameters, JsonNode bodySchema) {

        public boolean hasBody() {
            return !bodySchema.isMissingNode();
        }

        public List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }
    }
}
