package de.efa.marketplace.messaging;

import de.efa.marketplace.service.CatalogCopy;
import de.efa.marketplace.support.OperatorApi;
import de.efa.marketplace.support.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the consumer of {@code efa.catalog.services.v1} does with records it cannot store. */
@QuarkusTest
class CatalogConsumerTest {

    private static final String BROKER = "http://broker.example/osb";

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    CatalogCopy catalog;

    @Test
    void poisonRecordsAreParkedWithTheirReasonAndTheRecordAfterThemIsApplied() {
        Topics topics = new Topics(kafka);
        UUID nulProvider = UUID.randomUUID();
        UUID nulBroker = UUID.randomUUID();
        UUID longId = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        // A NUL character is valid in JSON, and PostgreSQL refuses it in a text.
        publish(topics, nulProvider, Topics.catalogValue(nulProvider, "akdb\\u0000", BROKER, "standard"),
                UUID.randomUUID().toString());
        publish(topics, nulBroker, Topics.catalogValue(nulBroker, "akdb", BROKER + "\\u0000", "standard"),
                UUID.randomUUID().toString());
        publish(topics, longId, Topics.catalogValue(longId, "akdb", BROKER, "standard"), "x".repeat(3000));
        publish(topics, next, Topics.catalogValue(next, "akdb", BROKER, "standard"), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.find(next).isPresent());
        assertThat(catalog.find(nulProvider)).isEmpty();
        assertThat(catalog.find(nulBroker)).isEmpty();
        assertThat(catalog.find(longId)).isEmpty();
        for (UUID refused : new UUID[] {nulProvider, nulBroker}) {
            assertThat(OperatorApi.deadLetter(refused.toString())).containsEntry("topic", Topics.CATALOG)
                    .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("0x00"));
        }
        assertThat(OperatorApi.deadLetter(longId.toString())).containsEntry("topic", Topics.CATALOG)
                .containsEntry("reason", "ce_id is not a UUID (3000 characters)");
    }

    private static void publish(Topics topics, UUID serviceId, String value, String ceId) {
        topics.send(Topics.CATALOG, 0, serviceId.toString(), value,
                Topics.cloudEvent("/efa/catalog-service", Topics.PUBLISHED, ceId));
    }
}
