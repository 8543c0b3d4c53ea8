package de.efa.demoprovider.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The rules for the JSON objects a platform sends (context, parameters), and how two of them are compared. */
final class JsonObjects {

    private static final char NUL = 0;

    /** JSON values compared as JSON, not as text: {@code 1.0} and {@code 1} are the same number. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : 1;
    };

    private JsonObjects() {
    }

    static boolean same(ObjectNode a, ObjectNode b) {
        return a.equals(SAME_VALUE, b);
    }

    /** An absent or null value is an empty object; anything else must be an object PostgreSQL can store. */
    static ObjectNode check(String field, JsonNode value, List<Violation> violations) {
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (value instanceof ObjectNode object) {
            if (holdsNul(object)) {
                violations.add(new Violation(field, "must not contain the character U+0000"));
            }
            return object;
        }
        violations.add(new Violation(field, "must be a JSON object"));
        return JsonNodeFactory.instance.objectNode();
    }

    /** PostgreSQL's jsonb cannot hold U+0000, in a value or a name; refused here, it is not a failed insert. */
    private static boolean holdsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf(NUL) >= 0;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (holdsNul(element)) {
                    return true;
                }
            }
            return false;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (field.getKey().indexOf(NUL) >= 0 || holdsNul(field.getValue())) {
                return true;
            }
        }
        return false;
    }
}
