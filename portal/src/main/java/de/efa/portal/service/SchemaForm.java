package de.efa.portal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.portal.service.FormField.Kind;
import de.efa.portal.service.FormField.Option;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A plan's configuration as an HTML form, generated from the plan's JSON Schema: nested objects become groups,
 * enumerations and {@code oneOf} constants choices, required properties marked inputs, titles their labels; and the
 * submitted form back as the JSON the schema describes. The portal checks nothing itself: the tenant-service
 * validates against the same schema and its violations are shown at the inputs, so that the two can never disagree.
 */
public final class SchemaForm {

    /** The JSON path of the configuration in a subscription request, which the API's violations start with. */
    public static final String ROOT = "parameters";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The index of an entry of a list, and what follows it. */
    private static final Pattern LIST_ENTRY = Pattern.compile("\\[\\d+].*");

    private final JsonNode root;

    public SchemaForm(JsonNode schema) {
        this.root = schema == null ? NODES.objectNode() : schema;
    }

    /**
     * The input a violation of the configuration is shown at: its own, or for an entry of a list
     * ({@code parameters.plz[1]}) the list's, which takes one entry a line.
     */
    public static String inputOf(String field) {
        return LIST_ENTRY.matcher(field).replaceFirst("");
    }

    /** The inputs of the form, filled with what was submitted and with the errors the API answered. */
    public List<FormField> fields(Map<String, String> values, FormErrors errors) {
        return children(resolve(root), ROOT, values, errors);
    }

    /** The submitted form as the configuration object; empty inputs are left out, so the API names them if required. */
    public ObjectNode parameters(Map<String, String> form) {
        ObjectNode object = object(resolve(root), ROOT, form);
        return object == null ? NODES.objectNode() : object;
    }

    /**
     * The form's values for a configuration given before, so that changing it starts from what is in effect; a list
     * is one line per item, as its input takes it.
     */
    public static Map<String, String> values(JsonNode parameters) {
        Map<String, String> values = new HashMap<>();
        flatten(parameters, ROOT, values);
        return values;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> values) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(property -> flatten(property.getValue(), path + "." + property.getKey(),
                    values));
        } else if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(item -> lines.add(item.asText()));
            values.put(path, String.join("\n", lines));
        } else {
            values.put(path, node.asText());
        }
    }

    private List<FormField> children(JsonNode schema, String path, Map<String, String> values, FormErrors errors) {
        List<String> required = required(schema);
        List<FormField> fields = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(property -> fields.add(
                field(property.getKey(), resolve(property.getValue()), path + "." + property.getKey(),
                        required.contains(property.getKey()), values, errors)));
        return fields;
    }

    private FormField field(String key, JsonNode schema, String path, boolean required, Map<String, String> values,
                            FormErrors errors) {
        Kind kind = kindOf(schema);
        String label = schema.hasNonNull("title") ? schema.get("title").asText() : humanize(key);
        List<FormField> children = kind == Kind.GROUP ? children(schema, path, values, errors) : List.of();
        return new FormField(path, label, hint(schema), required, kind, options(schema, kind), values.get(path),
                errors.of(path), children);
    }

    private static Kind kindOf(JsonNode schema) {
        if (schema.has("enum") || labelledChoices(schema)) {
            return Kind.CHOICE;
        }
        return switch (schema.path("type").asText("string")) {
            case "object" -> Kind.GROUP;
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.YES_NO;
            case "array" -> Kind.LIST;
            default -> switch (schema.path("format").asText()) {
                case "email", "idn-email" -> Kind.EMAIL;
                case "uri", "iri" -> Kind.URL;
                default -> Kind.TEXT;
            };
        };
    }

    private static List<Option> options(JsonNode schema, Kind kind) {
        if (kind == Kind.YES_NO) {
            return List.of(new Option("true", "Ja"), new Option("false", "Nein"));
        }
        return choices(schema).stream().map(choice -> new Option(choice.value().asText(), choice.label())).toList();
    }

    /** A value a choice offers, as the schema has it, and what a person reads for it. */
    private record Choice(JsonNode value, String label) {
    }

    private static List<Choice> choices(JsonNode schema) {
        List<Choice> choices = new ArrayList<>();
        schema.path("enum").forEach(value -> choices.add(new Choice(value, value.asText())));
        if (labelledChoices(schema)) {
            schema.get("oneOf").forEach(choice -> choices.add(new Choice(choice.get("const"),
                    choice.path("title").asText(choice.get("const").asText()))));
        }
        return choices;
    }

    /**
     * JSON Schema has no labels for the values of an {@code enum}; a {@code oneOf} whose every branch is a
     * {@code const}, with its {@code title} as the label, is how a schema gives them.
     */
    private static boolean labelledChoices(JsonNode schema) {
        JsonNode choices = schema.path("oneOf");
        if (!choices.isArray() || choices.isEmpty()) {
            return false;
        }
        for (JsonNode choice : choices) {
            if (!choice.has("const")) {
                return false;
            }
        }
        return true;
    }

    private static String hint(JsonNode schema) {
        List<String> parts = new ArrayList<>();
        if (schema.hasNonNull("description")) {
            parts.add(schema.get("description").asText());
        }
        if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
            parts.add("Beispiel: " + schema.get("examples").get(0).asText());
        }
        if ("array".equals(schema.path("type").asText())) {
            parts.add("Eine Angabe je Zeile.");
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private ObjectNode object(JsonNode schema, String path, Map<String, String> form) {
        List<String> required = required(schema);
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(property -> {
            String key = property.getKey();
            JsonNode value = value(resolve(property.getValue()), path + "." + key, required.contains(key), form);
            if (value != null) {
                object.set(key, value);
            }
        });
        return object.isEmpty() ? null : object;
    }

    private JsonNode value(JsonNode schema, String path, boolean required, Map<String, String> form) {
        Kind kind = kindOf(schema);
        if (kind == Kind.GROUP) {
            ObjectNode object = object(schema, path, form);
            // A required group sent empty lets the API name each of its missing inputs, not just the group.
            return object == null && required ? NODES.objectNode() : object;
        }
        String text = form.get(path);
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (kind) {
            case INTEGER, NUMBER -> number(text.trim());
            case YES_NO -> NODES.booleanNode(Boolean.parseBoolean(text));
            case CHOICE -> choiceValue(schema, text);
            case LIST -> list(resolve(schema.path("items")), text);
            default -> NODES.textNode(text.trim());
        };
    }

    /** A number as typed, German decimal comma included; anything else goes as text for the API to refuse. */
    private static JsonNode number(String text) {
        try {
            BigDecimal number = new BigDecimal(text.replace(',', '.'));
            return number.scale() <= 0 ? NODES.numberNode(number.toBigIntegerExact()) : NODES.numberNode(number);
        } catch (NumberFormatException | ArithmeticException e) {
            return NODES.textNode(text);
        }
    }

    /** The choice's own value, so that a choice of {@code 2} goes as the number 2. */
    private static JsonNode choiceValue(JsonNode schema, String text) {
        return choices(schema).stream().map(Choice::value).filter(value -> value.asText().equals(text)).findFirst()
                .orElseGet(() -> NODES.textNode(text));
    }

    private static JsonNode list(JsonNode itemSchema, String text) {
        ArrayNode items = NODES.arrayNode();
        Kind itemKind = kindOf(itemSchema);
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                items.add(itemKind == Kind.INTEGER || itemKind == Kind.NUMBER ? number(line.trim())
                        : NODES.textNode(line.trim()));
            }
        }
        return items;
    }

    private static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** Follows a {@code $ref} inside the schema ({@code #/$defs/…}); the catalog allows no other. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 16 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            current = ref.startsWith("#") ? root.at(ref.substring(1)) : NODES.objectNode();
        }
        return current.isMissingNode() ? NODES.objectNode() : current;
    }

    /** "zustaendigeStelle" reads "Zustaendige Stelle" where the schema gives no title. */
    private static String humanize(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ');
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
