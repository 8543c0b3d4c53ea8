package de.efa.catalog.domain;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The references of a parameter schema, checked before anything runs it. The validator resolves a {@code $ref}
 * only when a value reaches it, so a dangling one would fail every subscription, and one that leads back to
 * where it started without checking a property or an item in between recurses until the stack overflows: JSON
 * Schema leaves such schemas undefined. Every {@code $ref} must therefore name a schema inside the document, by
 * JSON Pointer or {@code $anchor}, and no chain of in-place applicators ({@code $ref}, {@code allOf},
 * {@code anyOf}, {@code oneOf}, {@code not}, {@code if}, {@code then}, {@code else}, {@code dependentSchemas})
 * may return to a schema on it. {@code $dynamicRef} and {@code $recursiveRef} are resolved only at run time, and
 * an {@code $id} below the root changes what {@code #} means there: neither is accepted.
 */
final class SchemaReferences {

    private static final Set<String> IN_PLACE = Set.of("not", "if", "then", "else");
    private static final Set<String> IN_PLACE_LISTS = Set.of("allOf", "anyOf", "oneOf");
    private static final Set<String> IN_PLACE_MAPS = Set.of("dependentSchemas", "dependencies");
    private static final Set<String> DESCENDING = Set.of("items", "additionalItems", "additionalProperties",
            "unevaluatedItems", "unevaluatedProperties", "contains", "propertyNames", "contentSchema");
    private static final Set<String> DESCENDING_LISTS = Set.of("prefixItems", "items");
    private static final Set<String> DESCENDING_MAPS = Set.of("properties", "patternProperties", "$defs",
            "definitions");
    private static final Set<String> RUN_TIME_REFERENCES = Set.of("$dynamicRef", "$recursiveRef");

    private final JsonNode root;
    private final List<String> problems;
    /** Every subschema, with where it is, as the other violations of a schema name places. */
    private final Map<JsonNode, String> schemas = new IdentityHashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<JsonNode, List<JsonNode>> inPlace = new IdentityHashMap<>();

    private SchemaReferences(JsonNode root, List<String> problems) {
        this.root = root;
        this.problems = problems;
    }

    /** Adds a problem for each reference that does not resolve, each cycle, each keyword that cannot be checked. */
    static void check(JsonNode schema, List<String> problems) {
        SchemaReferences references = new SchemaReferences(schema, problems);
        references.collectSchemas();
        if (references.resolve()) {
            references.refuseCycles();
        }
    }

    private void collectSchemas() {
        Deque<Map.Entry<JsonNode, String>> open = new ArrayDeque<>();
        open.push(Map.entry(root, "$"));
        while (!open.isEmpty()) {
            Map.Entry<JsonNode, String> next = open.pop();
            JsonNode schema = next.getKey();
            String at = next.getValue();
            if (!schema.isObject() || schemas.containsKey(schema)) {
                continue;
            }
            schemas.put(schema, at);
            List<JsonNode> applied = new ArrayList<>();
            inPlace.put(schema, applied);
            schema.properties().forEach(field -> {
                String keyword = field.getKey();
                JsonNode value = field.getValue();
                String path = at + "." + keyword;
                if (RUN_TIME_REFERENCES.contains(keyword)) {
                    problems.add("may not use " + keyword + " (" + path + "), which is resolved only while a value "
                            + "is checked; use $ref");
                } else if (keyword.equals("$id") && schema != root && !value.asText().startsWith("#")) {
                    problems.add("may give $id only at its root, but " + path + " gives one");
                } else if ((keyword.equals("$anchor") || keyword.equals("$dynamicAnchor")
                        || keyword.equals("$id") && value.asText().startsWith("#")) && value.isTextual()) {
                    anchors.putIfAbsent(value.asText().replaceFirst("^#", ""), schema);
                }
                if (IN_PLACE.contains(keyword) || DESCENDING.contains(keyword) && value.isObject()) {
                    subschema(value, path, IN_PLACE.contains(keyword) ? applied : null, open);
                } else if ((IN_PLACE_LISTS.contains(keyword) || DESCENDING_LISTS.contains(keyword))
                        && value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        subschema(value.get(i), path + "[" + i + "]",
                                IN_PLACE_LISTS.contains(keyword) ? applied : null, open);
                    }
                } else if (IN_PLACE_MAPS.contains(keyword) || DESCENDING_MAPS.contains(keyword)) {
                    value.properties().forEach(entry -> subschema(entry.getValue(), path + "." + entry.getKey(),
                            IN_PLACE_MAPS.contains(keyword) ? applied : null, open));
                }
            });
        }
    }

    /** Queues a subschema to be read, and when it applies in place, makes it a step of {@code applied}. */
    private static void subschema(JsonNode value, String at, List<JsonNode> applied,
                                  Deque<Map.Entry<JsonNode, String>> open) {
        if (value.isObject()) {
            open.push(Map.entry(value, at));
            if (applied != null) {
                applied.add(value);
            }
        }
    }

    /** Whether every {@code $ref} names a schema of the document; each one that does becomes an in-place step. */
    private boolean resolve() {
        int before = problems.size();
        schemas.forEach((schema, at) -> {
            JsonNode ref = schema.get("$ref");
            if (ref == null) {
                return;
            }
            JsonNode target = target(ref.asText());
            if (target == null) {
                problems.add("has a $ref at " + at + ".$ref to " + ref.asText() + ", which is no schema inside it");
            } else if (target.isObject()) {
                inPlace.get(schema).add(target);
            }
        });
        return problems.size() == before;
    }

    private JsonNode target(String ref) {
        if (!ref.startsWith("#")) {
            return null;
        }
        String fragment;
        try {
            // A fragment is URI-encoded: "#/$defs/a%20b" names "a b".
            fragment = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        JsonNode target;
        if (fragment.isEmpty()) {
            target = root;
        } else if (fragment.startsWith("/")) {
            try {
                target = root.at(JsonPointer.compile(fragment));
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else {
            target = anchors.get(fragment);
        }
        // true and false are schemas wherever they stand, and nothing follows from them.
        return target != null && (target.isBoolean() || schemas.containsKey(target)) ? target : null;
    }

    /** Depth-first over the in-place steps, without recursion: a schema met again while still open is a cycle. */
    private void refuseCycles() {
        Map<JsonNode, Boolean> finished = new IdentityHashMap<>();
        for (JsonNode start : schemas.keySet()) {
            if (finished.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<JsonNode, Iterator<JsonNode>>> path = new ArrayDeque<>();
            path.push(Map.entry(start, inPlace.get(start).iterator()));
            finished.put(start, false);
            while (!path.isEmpty()) {
                Iterator<JsonNode> steps = path.peek().getValue();
                if (!steps.hasNext()) {
                    finished.put(path.pop().getKey(), true);
                    continue;
                }
                JsonNode next = steps.next();
                Boolean done = finished.get(next);
                if (done == null) {
                    finished.put(next, false);
                    path.push(Map.entry(next, inPlace.get(next).iterator()));
                } else if (!done) {
                    problems.add("leads from " + schemas.get(next) + " back to itself through $ref, allOf, anyOf, "
                            + "oneOf, not, if, then, else or dependentSchemas, without checking a property or item "
                            + "in between, so checking a value would never end");
                    return;
                }
            }
        }
    }
}
