package de.efa.catalog.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import de.efa.platform.schema.LinearTimeRegex;
import de.efa.platform.schema.ProviderSchemas;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema that a subscription's configuration of a plan must satisfy. It must itself be a valid JSON
 * Schema (draft 2020-12) describing an object, and self-contained: a {@code $ref} may only point inside it, so
 * that checking a subscription never fetches anything from elsewhere, and must name a schema there without
 * leading back to where it started before checking a property or item ({@link SchemaReferences}). Its regular
 * expressions must compile, or the first subscription checked against it would fail instead of this request; they
 * run in linear time, so lookaround and backreferences are refused, as are repetitions that multiply beyond what RE2
 * compiles and runs at a sensible cost ({@link LinearTimeRegex}), and together they are no larger than one may be. It
 * is bounded, at most
 * {@value #MAX_BYTES} bytes as JSON and {@value #MAX_DEPTH} levels of nesting, because every subscription to the
 * plan is checked against it and every service that copies the catalog compiles and keeps it.
 */
public final class ParameterSchema {

    private static final SchemaRegistry REGISTRY = ProviderSchemas.registry();
    private static final Schema META_SCHEMA =
            REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_DEPTH = 16;

    private ParameterSchema() {
    }

    public static JsonNode of(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            throw new InvalidValueException("is required: a JSON Schema of the configuration, e.g. {\"type\":\"object\"}");
        }
        if (!schema.isObject()) {
            throw new InvalidValueException("must be a JSON Schema object");
        }
        int bytes = schema.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidValueException("must be at most " + MAX_BYTES / 1024 + " KiB as JSON, but has "
                    + (bytes + 1023) / 1024 + " KiB");
        }
        if (depth(schema) > MAX_DEPTH) {
            throw new InvalidValueException("must not nest objects and arrays deeper than " + MAX_DEPTH + " levels");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : META_SCHEMA.validate(schema)) {
            problems.add("is not a valid JSON Schema at " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        if (!schema.path("type").asText().equals("object")) {
            problems.add("must describe an object (\"type\": \"object\"), as a configuration is one");
        }
        long regexSize = collectUnusableKeywords(schema, "$", problems);
        if (regexSize > LinearTimeRegex.MAX_SIZE) {
            problems.add("has regular expressions of " + regexSize + " pieces together (characters, classes, dots, "
                    + "written out with their repetitions), but at most " + LinearTimeRegex.MAX_SIZE
                    + " are allowed, as for one");
        }
        if (problems.isEmpty()) {
            SchemaReferences.check(schema, problems);
        }
        if (problems.isEmpty()) {
            compiles(schema, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
        return schema;
    }

    /** Levels of objects and arrays, the schema itself being the first; without recursion, whatever the input. */
    private static int depth(JsonNode root) {
        int deepest = 0;
        Deque<Map.Entry<JsonNode, Integer>> open = new ArrayDeque<>();
        open.push(Map.entry(root, 1));
        while (!open.isEmpty()) {
            Map.Entry<JsonNode, Integer> next = open.pop();
            deepest = Math.max(deepest, next.getValue());
            if (deepest > MAX_DEPTH) {
                return deepest;
            }
            for (JsonNode child : next.getKey()) {
                if (child.isContainerNode()) {
                    open.push(Map.entry(child, next.getValue() + 1));
                }
            }
        }
        return deepest;
    }

    /**
     * Collects what makes the schema unusable, and answers the size of its usable regular expressions together: each
     * service that copies the catalog compiles and keeps them all, some 60 bytes per piece.
     */
    private static long collectUnusableKeywords(JsonNode node, String path, List<String> problems) {
        long regexSize = 0;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String at = path + "." + field.getKey();
                JsonNode value = field.getValue();
                if (field.getKey().equals("$ref") && !value.asText().startsWith("#")) {
                    problems.add("may only refer inside itself, but " + at + " points to " + value.asText());
                } else if (field.getKey().equals("pattern") && value.isTextual()) {
                    regexSize += requireRegex(value.asText(), at, problems);
                } else if (field.getKey().equals("patternProperties") && value.isObject()) {
                    for (Iterator<String> regexes = value.fieldNames(); regexes.hasNext(); ) {
                        regexSize += requireRegex(regexes.next(), at, problems);
                    }
                }
                regexSize += collectUnusableKeywords(value, at, problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                regexSize += collectUnusableKeywords(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            // Read as a double it is infinite, and JSON has no such number: it would be written as the text "Infinity".
            problems.add("has a number at " + path + " that is too large for a JSON Schema number (beyond 1.7e308)");
        }
        return regexSize;
    }

    /** The regular expression's size, or 0 when it cannot be used (a problem then). */
    private static long requireRegex(String regex, String at, List<String> problems) {
        try {
            LinearTimeRegex.compile(regex);
            return LinearTimeRegex.size(regex);
        } catch (IllegalArgumentException e) {
            problems.add("has a regular expression at " + at + " that cannot be used: " + e.getMessage());
            return 0;
        }
    }

    private static void compiles(JsonNode schema, List<String> problems) {
        try {
            REGISTRY.getSchema(schema).validate(JsonNodeFactory.instance.objectNode());
        } catch (SchemaException | IllegalArgumentException e) {
            problems.add("cannot be used as a JSON Schema: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // What the checks before let through and the validator still cannot run is the schema's fault, not ours.
            problems.add("cannot be used as a JSON Schema: the validator fails on it (" + e.getClass().getSimpleName()
                    + ")");
        }
    }
}
