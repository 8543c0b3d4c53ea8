package de.efa.marketplace.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a published result against the JSON Schema this service ships for its type. */
public final class ResultSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ResultSchemas() {
    }

    /** Asserts the CloudEvents headers and that the value satisfies the schema of its {@code ce_type}. */
    public static void assertValid(ConsumerRecord<String, String> record) {
        String type = Topics.header(record, "ce_type");
        assertThat(Topics.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(Topics.header(record, "ce_source")).isEqualTo("/efa/marketplace-service");
        assertThat(Topics.header(record, "ce_id")).isNotBlank();
        assertThat(Topics.header(record, "ce_time")).isNotBlank();
        assertThat(Topics.header(record, "ce_subject")).isEqualTo(record.key());
        assertThat(Topics.header(record, "content-type")).isEqualTo("application/json");
        assertValid(type, record.value());
    }

    /** Asserts that the value satisfies the schema of its type. */
    public static void assertValid(String type, String value) {
        try (InputStream schemaText = ResultSchemas.class.getResourceAsStream("/events/" + type + ".schema.json")) {
            assertThat(schemaText).as("a schema for %s", type).isNotNull();
            Schema schema = REGISTRY.getSchema(schemaText);
            List<Error> errors = schema.validate(JSON.readTree(value));
            assertThat(errors).as("%s: %s", type, value).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
