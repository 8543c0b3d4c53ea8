package de.efa.catalog.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds of a provider's parameter schema: its size as JSON and how deep it nests. */
class ParameterSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSchemaOf64KibIsTakenAndOneByteMoreIsRefusedWithItsSize() {
        assertThat(ParameterSchema.of(withDescriptionOfBytes(ParameterSchema.MAX_BYTES))).isNotNull();

        assertThatThrownBy(() -> ParameterSchema.of(withDescriptionOfBytes(ParameterSchema.MAX_BYTES + 1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must be at most 64 KiB as JSON, but has 65 KiB");
    }

    @Test
    void sixteenLevelsOfNestingAreTakenAndSeventeenRefused() {
        assertThat(ParameterSchema.of(nestedLevels(16))).isNotNull();

        assertThatThrownBy(() -> ParameterSchema.of(nestedLevels(17)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("must not nest objects and arrays deeper than 16 levels");
    }

    @Test
    void aSchemaNestedAThousandLevelsDeepIsRefusedWithoutAStackOverflow() {
        assertThatThrownBy(() -> ParameterSchema.of(nestedLevels(1000))).isInstanceOf(InvalidValueException.class);
    }

    /** An object schema whose JSON text is exactly {@code bytes} long. */
    private static JsonNode withDescriptionOfBytes(int bytes) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object").put("description", "");
        int padding = bytes - schema.toString().length();
        return schema.put("description", "x".repeat(padding));
    }

    /**
     * {@code levels} levels of JSON: the schema, then objects inside {@code properties} (two levels each: the
     * properties map and the property's schema), the last one a leaf.
     */
    private static JsonNode nestedLevels(int levels) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode current = schema;
        for (int level = 1; level < levels; level++) {
            if (level % 2 == 1) {
                current = current.putObject("properties");
            } else {
                current = current.putObject("p" + level);
                current.put("type", "object");
            }
        }
        return schema;
    }
}
