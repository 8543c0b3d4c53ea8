package de.efa.tenant.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the tenant-service emits must satisfy the JSON Schema of its type, the one the AsyncAPI document names. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    public static void assertSatisfied(ConsumerRecord<String, String> record) {
        String type = OnboardingTopics.header(record, "ce_type");
        try (InputStream schemaText = EventSchemas.class.getResourceAsStream("/events/" + type + ".schema.json")) {
            assertThat(schemaText).as("schema of " + type).isNotNull();
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(JSON.readTree(schemaText));
            assertThat(schema.validate(JSON.readTree(record.value()))).as(type).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
