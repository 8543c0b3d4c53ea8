package de.efa.bench.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.bench.fuzz.OpenApi.Operation;
import de.efa.bench.fuzz.OpenApi.Parameter;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Bad requests for one documented operation: bad path ids, query parameters of the wrong type or out of range,
 * bad headers, malformed JSON, bodies with missing, unknown, mistyped, null and huge fields, and the wrong
 * content type. Each request is bad in one way; the rest of it is as valid as the document allows, so that the
 * flaw is what the service has to answer.
 */
public final class BadRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);
    private static final int MAX_DEPTH = 6;

    static final List<String> BAD_PATH_VALUES = List.of("not-an-id", "0", "-1", "99999999999999999999999",
            "%C3%A4%C3%B6%C3%BC", "%20", "null", "..%2F..%2Fetc", "x".repeat(3000), "1e10", "%00");
    static final List<String> BAD_QUERY_VALUES = List.of("abc", "-1", "0", "101", "99999999999999999999", "",
            "1.5", "%00", "x".repeat(2000), "true", "%C3%A4");
    private static final List<String> MALFORMED = List.of("{", "{\"a\":", "[1,2", "not json", "null", "[]", "42",
            "\"text\"", "{\"a\":1}}", "{'single':'quotes'}", "[".repeat(100_000));

    private final OpenApi document;
    private final BiFunction<String, String, String> goodPathValue;

    /** {@code goodPathValue} gives a real value for (path template, parameter name), e.g. an existing id. */
    public BadRequests(OpenApi document, BiFunction<String, String, String> goodPathValue) {
        this.document = document;
        this.goodPathValue = goodPathValue;
    }

    public List<FuzzRequest> of(Operation operation) {
        List<FuzzRequest> requests = new ArrayList<>();
        String goodPath = path(operation, Map.of());
        byte[] goodBody = operation.hasBody() ? bytes(example(operation.bodySchema(), 0)) : null;
        String jsonType = operation.hasBody() ? "application/json" : null;
        for (Parameter parameter : operation.in("path")) {
            for (String bad : BAD_PATH_VALUES) {
                requests.add(new FuzzRequest(operation.path(), operation.method(), path(operation, Map.of(parameter.name(), bad)),
                        jsonType, goodBody, Map.of(), "path parameter " + parameter.name() + " = " + abbreviate(bad)));
            }
        }
        for (Parameter parameter : operation.in("query")) {
            for (String bad : BAD_QUERY_VALUES) {
                requests.add(new FuzzRequest(operation.path(), operation.method(), goodPath + "?" + parameter.name() + "=" + bad,
                        jsonType, goodBody, Map.of(), "query parameter " + parameter.name() + " = " + abbreviate(bad)));
            }
        }
        for (Parameter parameter : operation.in("header")) {
            for (String bad : List.of("abc", "\"-1\"", "W/\"1\"", "*", "\"99999999999999999999\"", "x".repeat(300))) {
                requests.add(new FuzzRequest(operation.path(), operation.method(), goodPath, jsonType, goodBody,
                        Map.of(parameter.name(), bad), "header " + parameter.name() + " = " + abbreviate(bad)));
            }
        }
        if (operation.hasBody()) {
            bodies(operation, goodPath, goodBody, requests);
        }
        return requests;
    }

    /** Requests with no documented operation: the path with a method it does not take. */
    public static FuzzRequest wrongMethod(String path) {
        return new FuzzRequest(path, "PATCH", path, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of(),
                "a method the path does not take");
    }

    /** A request line longer than HTTP servers take (Vert.x: 4,096 bytes), answered before any resource. */
    public static FuzzRequest uriTooLong(String path) {
        return new FuzzRequest(path, "GET", path + "?q=" + "x".repeat(10_000), null, null, Map.of(),
                "a URI of 10,000 characters");
    }

    public static FuzzRequest unknownPath() {
        return new FuzzRequest("/api/v1/no-such-resource", "GET", "/api/v1/no-such-resource", null, null, Map.of(),
                "an unknown path");
    }

    private void bodies(Operation operation, String path, byte[] goodBody, List<FuzzRequest> requests) {
        String method = operation.method();
        String template = operation.path();
        for (String malformed : MALFORMED) {
            requests.add(new FuzzRequest(template, method, path, "application/json", malformed.getBytes(StandardCharsets.UTF_8),
                    Map.of(), "malformed JSON " + abbreviate(malformed)));
        }
        requests.add(new FuzzRequest(template, method, path, "application/json", new byte[0], Map.of(), "empty body"));
        requests.add(new FuzzRequest(template, method, path, "application/json",
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, Map.of(), "invalid UTF-8"));
        requests.add(new FuzzRequest(template, method, path, "text/plain", goodBody, Map.of(), "content type text/plain"));
        requests.add(new FuzzRequest(template, method, path, "application/xml", "<service/>".getBytes(StandardCharsets.UTF_8),
                Map.of(), "content type application/xml"));
        requests.add(new FuzzRequest(template, method, path, null, goodBody, Map.of(), "no content type"));
        JsonNode good = example(operation.bodySchema(), 0);
        if (!(good instanceof ObjectNode object)) {
            return;
        }
        ObjectNode unknown = object.deepCopy();
        unknown.put("unknownField", "surprise");
        requests.add(json(template, method, path, unknown, "an unknown field"));
        requests.add(json(template, method, path, NODES.objectNode(), "an empty object"));
        JsonNode properties = schema(operation.bodySchema()).path("properties");
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode property = schema(properties.path(name));
            ObjectNode missing = object.deepCopy();
            missing.remove(name);
            requests.add(json(template, method, path, missing, "field " + name + " missing"));
            ObjectNode nulled = object.deepCopy();
            nulled.putNull(name);
            requests.add(json(template, method, path, nulled, "field " + name + " null"));
            ObjectNode mistyped = object.deepCopy();
            mistyped.set(name, wrongType(property));
            requests.add(json(template, method, path, mistyped, "field " + name + " of the wrong type"));
            ObjectNode huge = object.deepCopy();
            huge.put(name, HUGE);
            requests.add(json(template, method, path, huge, "field " + name + " a 100,000-character string"));
            ObjectNode hugeNumber = object.deepCopy();
            hugeNumber.put(name, new BigDecimal("1e400"));
            requests.add(json(template, method, path, hugeNumber, "field " + name + " = 1e400"));
            if ("string".equals(property.path("type").asText())) {
                // Valid JSON, but PostgreSQL stores no NUL in text: a service must refuse it before it gets there.
                ObjectNode withNul = object.deepCopy();
                withNul.put(name, "vor\u0000nach");
                requests.add(json(template, method, path, withNul, "field " + name + " with a NUL character"));
            }
        }
    }

    private static FuzzRequest json(String template, String method, String path, JsonNode body, String flaw) {
        return new FuzzRequest(template, method, path, "application/json", bytes(body), Map.of(), flaw);
    }

    /** A value that the property's type does not allow. */
    private JsonNode wrongType(JsonNode property) {
        return switch (property.path("type").asText("")) {
            case "string" -> NODES.objectNode().put("not", "a string");
            case "integer", "number" -> NODES.textNode("not a number");
            case "boolean" -> NODES.textNode("perhaps");
            case "array" -> NODES.textNode("not an array");
            case "object" -> NODES.arrayNode().add(1);
            default -> NODES.arrayNode().add(NODES.arrayNode());
        };
    }

    /** A plausible value for the schema: examples where given, else something of the right type. */
    JsonNode example(JsonNode rawSchema, int depth) {
        JsonNode schema = schema(rawSchema);
        if (depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), example(field.getValue(), depth + 1));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(schema.path("items"), depth + 1));
                yield array;
            }
            case "integer", "number" -> schema.path("example").isNumber() ? schema.path("example")
                    : schema.path("minimum").isNumber() ? schema.path("minimum") : NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "string" -> schema.path("example").isTextual() ? schema.path("example")
                    : NODES.textNode(stringOfFormat(schema.path("format").asText("")));
            default -> NODES.objectNode();
        };
    }

    /** The schema behind {@code $ref}s, and the first alternative of allOf/oneOf/anyOf. */
    private JsonNode schema(JsonNode raw) {
        JsonNode schema = document.resolve(raw);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && schema.path(combinator).size() > 0 && !schema.has("properties")) {
                return schema(schema.path(combinator).get(0));
            }
        }
        return schema;
    }

    private static String stringOfFormat(String format) {
        return switch (format) {
            case "uuid" -> "0b9f4c1e-8a55-4a8e-9d0c-0f6d7e1f2a3b";
            case "date-time" -> "2026-11-26T10:15:30Z";
            case "uri", "url" -> "https://example.org/";
            case "email" -> "someone@example.org";
            default -> "text";
        };
    }

    private String path(Operation operation, Map<String, String> overrides) {
        String path = operation.path();
        for (Parameter parameter : operation.in("path")) {
            String value = overrides.containsKey(parameter.name()) ? overrides.get(parameter.name())
                    : URLEncoder.encode(goodPathValue.apply(operation.path(), parameter.name()), StandardCharsets.UTF_8);
            path = path.replace("{" + parameter.name() + "}", value);
        }
        return path;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a generated body", e);
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + " chars)" : value;
    }
}
