package de.efa.platform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectRegistry;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dialects of providers' schemas, whose keywords that match patterns charge the validation's
 * {@link PatternBudget} before they match: {@code pattern} (a text, also a property name under {@code
 * propertyNames}), {@code patternProperties} and {@code additionalProperties} (each property name against each of
 * the {@code patternProperties} beside it). The library's own validators do the rest; RE2 runs no other pattern
 * against a value ({@code format: regex} compiles the value, bounded by {@link LinearTimeRegex}).
 */
final class PatternKeywords {

    private static final String NAMES_TOO_LONG =
            "has property names too long to be checked against its patternProperties";

    private PatternKeywords() {
    }

    /** Every dialect the library knows (draft 4 to 2020-12, a schema's {@code $schema} decides), charged. */
    static DialectRegistry registry() {
        DialectRegistry standard = DefaultDialectRegistry.getInstance();
        Map<String, Dialect> charged = new ConcurrentHashMap<>();
        // Not computeIfAbsent: loading a dialect may load its meta-schema's dialect through this registry.
        return (id, schemas) -> {
            Dialect known = charged.get(id);
            if (known == null) {
                Dialect loaded = charge(standard.getDialect(id, schemas));
                known = Objects.requireNonNullElse(charged.putIfAbsent(id, loaded), loaded);
            }
            return known;
        };
    }

    private static Dialect charge(Dialect dialect) {
        Dialect.Builder builder = Dialect.builder(dialect);
        Map<String, Keyword> keywords = dialect.getKeywords();
        replace(builder, keywords.get("pattern"), (node, parent) -> PatternBudget.weight(node.asText()), false,
                "is too long to be checked against its pattern");
        replace(builder, keywords.get("patternProperties"), (node, parent) -> weights(node), true, NAMES_TOO_LONG);
        replace(builder, keywords.get("additionalProperties"),
                (node, parent) -> weights(parent.getSchemaNode().path("patternProperties")), true, NAMES_TOO_LONG);
        return builder.build();
    }

    private static void replace(Dialect.Builder builder, Keyword keyword, Weight weight, boolean names,
                                String reason) {
        if (keyword != null) {
            builder.keyword(new Charged(keyword, weight, names, reason));
        }
    }

    private static long weights(JsonNode patternProperties) {
        long sum = 0;
        for (Iterator<String> regexes = patternProperties.fieldNames(); regexes.hasNext(); ) {
            sum += PatternBudget.weight(regexes.next());
        }
        return sum;
    }

    /** What one character of the instance costs against the keyword's patterns, from its value and its schema. */
    @FunctionalInterface
    private interface Weight {
        long of(JsonNode keywordValue, Schema parent);
    }

    private record Charged(Keyword keyword, Weight weight, boolean names, String reason) implements Keyword {

        @Override
        public String getValue() {
            return keyword.getValue();
        }

        @Override
        public KeywordValidator newValidator(SchemaLocation location, JsonNode value, Schema parent,
                                             SchemaContext context) throws Exception {
            // The library's validator first: it refuses what is not a pattern with its own message.
            KeywordValidator validator = keyword.newValidator(location, value, parent, context);
            long perCharacter = weight.of(value, parent);
            return perCharacter == 0 ? validator : new ChargedValidator(validator, perCharacter, names, reason);
        }
    }

    private record ChargedValidator(KeywordValidator validator, long weight, boolean names, String reason)
            implements KeywordValidator {

        @Override
        public void validate(ExecutionContext context, JsonNode node, JsonNode root, NodePath at) {
            charge(context, node, at);
            validator.validate(context, node, root, at);
        }

        @Override
        public void walk(ExecutionContext context, JsonNode node, JsonNode root, NodePath at, boolean validate) {
            if (validate) {
                charge(context, node, at);
            }
            validator.walk(context, node, root, at, validate);
        }

        private void charge(ExecutionContext context, JsonNode node, NodePath at) {
            long characters = names ? namesLength(node) : textLength(node);
            if (characters > 0) {
                PatternBudget.of(context).charge(weight, characters, at, reason);
            }
        }

        /** The characters of a text, one more for what a match costs whatever its length; 0 for anything else. */
        private static long textLength(JsonNode node) {
            return node != null && node.isTextual() ? node.textValue().length() + 1L : 0;
        }

        private static long namesLength(JsonNode node) {
            long sum = 0;
            if (node != null && node.isObject()) {
                for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
                    sum += fields.next().length() + 1L;
                }
            }
            return sum;
        }

        @Override
        public SchemaLocation getSchemaLocation() {
            return validator.getSchemaLocation();
        }

        @Override
        public String getKeyword() {
            return validator.getKeyword();
        }

        @Override
        public void preloadSchema() {
            validator.preloadSchema();
        }
    }
}
