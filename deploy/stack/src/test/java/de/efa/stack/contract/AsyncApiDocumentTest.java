package de.efa.stack.contract;

import de.efa.stack.StackConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document describes every event type a service emits. A service's emitted types are the payload
 * schemas it owns ({@code src/main/resources/events/<type>.schema.json}); each service's own tests validate what
 * it emits against them, and the end-to-end suite checks the types it sees on the topics against this document.
 */
class AsyncApiDocumentTest {

    private static final Map<String, String> TOPIC_BY_AGGREGATE = Map.of(
            "service", "efa.catalog.services.v1",
            "subscription", "efa.onboarding.requests.v1",
            "instance", "efa.onboarding.results.v1");

    private final AsyncApiDocument asyncApi = AsyncApiDocument.read();

    @Test
    void describesEveryEventTypeTheServicesEmitOnItsTopic() throws IOException {
        Set<String> emitted = emittedEventTypes();
        assertThat(emitted).hasSize(25);

        Map<String, String> described = asyncApi.topicByEventType();
        assertThat(described.keySet()).containsExactlyInAnyOrderElementsOf(emitted);
        emitted.forEach(type -> assertThat(described.get(type)).as(type)
                .isEqualTo(TOPIC_BY_AGGREGATE.get(type.split("\\.")[2])));
    }

    @Test
    void pointsEachMessageAtThePayloadSchemaOfItsType() {
        asyncApi.topicByEventType().keySet().forEach(type -> {
            Path schema = asyncApi.payloadSchema(type);
            assertThat(schema).as(type).exists();
            assertThat(schema.getFileName().toString()).isEqualTo(type + ".schema.json");
        });
    }

    @Test
    void describesEveryTopic() {
        assertThat(asyncApi.topics()).containsExactlyInAnyOrder("efa.catalog.services.v1",
                "efa.onboarding.requests.v1", "efa.onboarding.requests.v1.dlq", "efa.onboarding.results.v1");
    }

    private static Set<String> emittedEventTypes() throws IOException {
        Path root = StackConfig.defaultRepositoryRoot();
        Set<String> types = new java.util.TreeSet<>();
        for (String service : List.of("catalog-service", "tenant-service", "marketplace-service")) {
            try (Stream<Path> files = Files.list(root.resolve(service).resolve("src/main/resources/events"))) {
                types.addAll(files.map(file -> file.getFileName().toString())
                        .filter(name -> name.startsWith("de.efa.") && name.endsWith(".schema.json"))
                        .map(name -> name.substring(0, name.length() - ".schema.json".length()))
                        .collect(Collectors.toSet()));
            }
        }
        return types;
    }
}
