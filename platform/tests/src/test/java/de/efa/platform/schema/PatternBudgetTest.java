package de.efa.platform.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One validation spends a bounded time on patterns, however many a schema has and however long the values are,
 * while realistic schemas and values are checked as before. No timings here: what a match costs is measured by hand
 * (PatternBudget's javadoc); these tests pin what is refused and what is not.
 */
class PatternBudgetTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema(Object schema) {
        return ProviderSchemas.registry().getSchema(JSON.valueToTree(schema));
    }

    private static Map<String, Object> text(String pattern) {
        return Map.of("type", "string", "pattern", pattern);
    }

    @Test
    void aLongValueAgainstAnExpensivePatternStopsTheValidationNamingTheValue() {
        Schema schema = schema(Map.of("type", "object", "properties", Map.of("kennung", text("a{1000}b"))));

        assertThatThrownBy(() -> schema.validate(JSON.valueToTree(Map.of("kennung", "a".repeat(100_000)))))
                .isInstanceOfSatisfying(PatternBudgetExceededException.class, e -> assertThat(
                        e.instanceLocation().orElseThrow().toString()).isEqualTo("/kennung"))
                .hasMessage("is too long to be checked against its pattern");
    }

    @Test
    void theBudgetCoversAllPatternsOfOneValidationTogether() {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < 64; i++) {
            properties.put("p" + i, text("a{1000}"));
            parameters.put("p" + i, "b".repeat(1000));
        }
        Schema schema = schema(Map.of("type", "object", "properties", properties));
        // One of them alone is a small part of the budget.
        assertThat(schema(Map.of("type", "object", "properties", Map.of("p0", text("a{1000}"))))
                .validate(JSON.valueToTree(Map.of("p0", "b".repeat(1000))))).hasSize(1);

        assertThatThrownBy(() -> schema.validate(JSON.valueToTree(parameters)))
                .isInstanceOfSatisfying(PatternBudgetExceededException.class, e -> assertThat(e.instanceLocation())
                        .as("no one value is too long alone").isEmpty())
                .hasMessage("are together too long to be checked against their patterns");
    }

    @Test
    void eachValidationHasABudgetOfItsOwn() {
        Schema schema = schema(Map.of("type", "object", "properties", Map.of("kennung", text("^a{1000}$"))));
        JsonNode mostOfTheBudget = JSON.valueToTree(Map.of("kennung", "a".repeat(30_000)));

        for (int i = 0; i < 3; i++) {
            assertThat(schema.validate(mostOfTheBudget)).hasSize(1);
        }
    }

    @Test
    void aPatternUnderNotOrARefIsChargedAndStopsTheValidationInsteadOfPassingTheValue() {
        Schema schema = schema(Map.of("type", "object",
                "$defs", Map.of("kennung", text("a{1000}b")),
                "properties", Map.of(
                        "nicht", Map.of("not", text("a{1000}b")),
                        "verwiesen", Map.of("$ref", "#/$defs/kennung"))));

        assertThatThrownBy(() -> schema.validate(JSON.valueToTree(Map.of("nicht", "a".repeat(100_000)))))
                .isInstanceOfSatisfying(PatternBudgetExceededException.class, e -> assertThat(
                        e.instanceLocation().orElseThrow().toString()).isEqualTo("/nicht"));
        assertThatThrownBy(() -> schema.validate(JSON.valueToTree(Map.of("verwiesen", "a".repeat(100_000)))))
                .isInstanceOfSatisfying(PatternBudgetExceededException.class, e -> assertThat(
                        e.instanceLocation().orElseThrow().toString()).isEqualTo("/verwiesen"));
    }

    @Test
    void propertyNamesAreChargedAgainstPatternPropertiesAdditionalPropertiesAndPropertyNames() {
        ObjectNode longNames = JSON.createObjectNode();
        for (int i = 0; i < 100; i++) {
            longNames.put("a".repeat(1000) + i, 1);
        }
        List<Map<String, Object>> schemas = List.of(
                Map.of("type", "object", "patternProperties", Map.of("a{1000}b", Map.of())),
                Map.of("type", "object", "propertyNames", text("a{1000}b")));
        for (Map<String, Object> each : schemas) {
            assertThatThrownBy(() -> schema(each).validate(longNames))
                    .isInstanceOf(PatternBudgetExceededException.class);
        }
        assertThatThrownBy(() -> schema(schemas.get(0)).validate(longNames))
                .isInstanceOfSatisfying(PatternBudgetExceededException.class, e -> assertThat(
                        e.instanceLocation().orElseThrow().toString()).isEqualTo(""))
                .hasMessage("has property names too long to be checked against its patternProperties");
        // additionalProperties matches each name against the patternProperties once more.
        ObjectNode fewerNames = JSON.createObjectNode();
        for (int i = 0; i < 30; i++) {
            fewerNames.put("a".repeat(1000) + i, 1);
        }
        assertThat(schema(Map.of("type", "object", "patternProperties", Map.of("a{1000}b", Map.of())))
                .validate(fewerNames)).isEmpty();
        assertThatThrownBy(() -> schema(Map.of("type", "object", "patternProperties", Map.of("a{1000}b", Map.of()),
                "additionalProperties", false)).validate(fewerNames))
                .as("each of the two keywords alone within the budget, together beyond it")
                .isInstanceOfSatisfying(PatternBudgetExceededException.class, e -> assertThat(
                        e.instanceLocation()).isEmpty())
                .hasMessage("are together too long to be checked against their patterns");
    }

    @Test
    void aSchemaOfAnotherDraftIsChargedToo() {
        Schema schema = schema(Map.of("$schema", "http://json-schema.org/draft-07/schema#", "type", "object",
                "properties", Map.of("kennung", text("a{1000}b"))));

        assertThatThrownBy(() -> schema.validate(JSON.valueToTree(Map.of("kennung", "a".repeat(100_000)))))
                .isInstanceOf(PatternBudgetExceededException.class);
    }

    @Test
    void realisticPatternsCheckRealisticValuesAsBefore() {
        Schema schema = schema(Map.of("type", "object",
                "properties", Map.of(
                        "plz", text("^[0-9]{5}$"),
                        "iban", text("^[A-Z]{2}[0-9]{2}[A-Z0-9]{12,30}$"),
                        "postfach", text("^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}$"),
                        "hinweis", text("^[^<>]*$"),
                        "stellen", Map.of("type", "array", "items", text("^[A-Z][a-z]+( [A-Z][a-z]+)*$"))),
                "patternProperties", Map.of("^x-[a-z]+$", Map.of("type", "string")),
                "additionalProperties", false));
        Map<String, Object> valid = Map.of("plz", "04109", "iban", "DE02120300000000202051",
                "postfach", "ordnungsamt@gemeinde.example", "hinweis", "Sprechzeiten nach Vereinbarung. ".repeat(150),
                "stellen", List.of("Ordnungsamt", "Standesamt Mitte", "Bauamt"), "x-intern", "ja");

        assertThat(schema.validate(JSON.valueToTree(valid))).isEmpty();
        Map<String, Object> invalid = new LinkedHashMap<>(valid);
        invalid.put("plz", "4109");
        invalid.put("hinweis", "<script>" + "x".repeat(5000));
        assertThat(schema.validate(JSON.valueToTree(invalid))).extracting(error -> error.getInstanceLocation()
                .toString()).containsExactlyInAnyOrder("/plz", "/hinweis");
    }
}
