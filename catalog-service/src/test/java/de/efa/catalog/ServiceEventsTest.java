package de.efa.catalog;

import de.efa.infra.test.SqlProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import de.efa.infra.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static de.efa.catalog.CatalogApi.JSON;
import static de.efa.catalog.CatalogApi.service;
import static de.efa.catalog.CatalogApi.step;
import static de.efa.catalog.CatalogApi.unique;
import static de.efa.catalog.CatalogTopic.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue item 5: each change reaches the real broker through the outbox, as docs/events.md says. */
@QuarkusTest
class ServiceEventsTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://efa-marketplace.de/events/", "classpath:events/")));

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyChangeIsOnTheTopicWithItsStateAndCloudEventsHeaders() throws Exception {
        String provider = unique("anbieter-events");
        CatalogApi.provider(provider, "http://osb-events.example.de");
        String slug = unique("ereignis");
        try (CatalogTopic topic = new CatalogTopic(kafka)) {
            String id = CatalogApi.create(provider, service(slug, "Ereignisreich")).path("id");
            assertRecord(topic.await(id, "de.efa.service.created.v1"), id, "DRAFT", 1, "http://osb-events.example.de");

            step(provider, id, "publish").then().statusCode(200);
            assertRecord(topic.await(id, "de.efa.service.published.v1"), id, "PUBLISHED", 2, "http://osb-events.example.de");

            given().auth().oauth2(TestTokens.provider(provider)).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                    .body(service(slug, "Geändert").toString()).put("/api/v1/services/" + id).then().statusCode(200);
            ConsumerRecord<String, String> updated = topic.await(id, "de.efa.service.updated.v1");
            assertRecord(updated, id, "PUBLISHED", 3, "http://osb-events.example.de");
            assertThat(JSON.readTree(updated.value()).path("name").asText()).isEqualTo("Geändert");

            step(provider, id, "deprecate").then().statusCode(200);
            assertRecord(topic.await(id, "de.efa.service.deprecated.v1"), id, "DEPRECATED", 4, "http://osb-events.example.de");
            step(provider, id, "retire").then().statusCode(200);
            assertRecord(topic.await(id, "de.efa.service.retired.v1"), id, "RETIRED", 5, "http://osb-events.example.de");
            assertThat(topic.of(id).stream().map(r -> header(r, "ce_id")).distinct()).hasSize(5);
        }
        await().untilAsserted(() -> assertThat(new SqlProbe(dataSource).count(
                "SELECT count(*) FROM outbox_event WHERE record_key IN (SELECT id::text FROM efa_service WHERE slug = ?) "
                        + "AND sent_at IS NULL", slug)).isZero());
    }

    @Test
    void aProviderWhoseBrokerMovedHasEachServiceRepublished() throws Exception {
        String provider = unique("anbieter-umzug");
        CatalogApi.provider(provider, "http://alt.example.de");
        String draft = CatalogApi.create(provider, service(unique("umzug-a"), "Umzug A")).path("id");
        String published = CatalogApi.published(provider, service(unique("umzug-b"), "Umzug B"));
        try (CatalogTopic topic = new CatalogTopic(kafka)) {
            given().auth().oauth2(TestTokens.operator()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                    .body(Map.of("name", "Anbieter " + provider, "kind", "LAND", "brokerUrl", "http://neu.example.de"))
                    .put("/api/v1/providers/" + provider).then().statusCode(200);
            for (String id : List.of(draft, published)) {
                await().untilAsserted(() -> assertThat(topic.of(id)).anySatisfy(record ->
                        assertThat(JSON.readTree(record.value()).path("brokerUrl").asText()).isEqualTo("http://neu.example.de")));
            }
            ConsumerRecord<String, String> republished = topic.of(published).stream()
                    .filter(r -> r.value().contains("http://neu.example.de")).findFirst().orElseThrow();
            assertRecord(republished, published, "PUBLISHED", 3, "http://neu.example.de");
            assertThat(header(republished, "ce_type")).isEqualTo("de.efa.service.updated.v1");
        }
    }

    @Test
    void eachPlanCarriesItsContractAndWhetherItIsUpdatable() throws Exception {
        String provider = unique("anbieter-vertrag-events");
        CatalogApi.provider(provider, "http://osb-vertrag.example.de");
        ObjectNode request = service(unique("vertrag-ereignis"), "Vertrag im Ereignis");
        ObjectNode interest = ((ObjectNode) request.get("plans").get(0)).deepCopy().put("id", "nachnutzung")
                .put("updatable", true);
        interest.putObject("contract").put("model", "INTEREST").putObject("terms").put("version", "2026-01")
                .put("url", "https://www.akdb.de/nachnutzung-2026-01.html")
                .put("sha256", "209E71BA75A375FF5926A169C00E1CEEA35EE3F9E6969367CB0AB11D1B8A2240");
        request.withArray("plans").add(interest);
        try (CatalogTopic topic = new CatalogTopic(kafka)) {
            String id = CatalogApi.create(provider, request).path("id");
            ConsumerRecord<String, String> created = topic.await(id, "de.efa.service.created.v1");
            assertRecord(created, id, "DRAFT", 1, "http://osb-vertrag.example.de");

            JsonNode plans = JSON.readTree(created.value()).path("plans");
            assertThat(plans.get(0).path("contract")).isEqualTo(JSON.readTree("{\"model\":\"NONE\",\"terms\":null}"));
            assertThat(plans.get(0).path("updatable").asBoolean(true)).isFalse();
            assertThat(plans.get(1).path("contract")).isEqualTo(JSON.readTree("""
                    {"model":"INTEREST","terms":{"version":"2026-01","url":"https://www.akdb.de/nachnutzung-2026-01.html",
                     "sha256":"209e71ba75a375ff5926a169c00e1ceea35ee3f9e6969367cb0ab11d1b8a2240"}}"""));
            assertThat(plans.get(1).path("updatable").asBoolean(false)).isTrue();
        }
    }

    /** Headers as CloudEvents binary mode has them; the value is what GET shows plus brokerUrl, valid by schema. */
    private void assertRecord(ConsumerRecord<String, String> record, String id, String status, int version,
                              String brokerUrl) throws Exception {
        String type = header(record, "ce_type");
        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_source")).isEqualTo("/efa/catalog-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(Instant.parse(header(record, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(header(record, "content-type")).isEqualTo("application/json");

        JsonNode value = JSON.readTree(record.value());
        assertThat(value.path("status").asText()).isEqualTo(status);
        assertThat(value.path("version").asInt()).isEqualTo(version);
        assertThat(value.path("brokerUrl").asText()).isEqualTo(brokerUrl);
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of("https://efa-marketplace.de/events/" + type + ".schema.json"));
        List<Error> errors = schema.validate(value);
        assertThat(errors).as("value of %s against its schema", type).isEmpty();

        JsonNode current = JSON.readTree(given().auth().oauth2(TestTokens.operator()).get("/api/v1/services/" + id).asString());
        if (current.path("version").asInt() == version) {
            ObjectNode withoutBroker = value.deepCopy();
            withoutBroker.remove("brokerUrl");
            assertThat(withoutBroker).isEqualTo(current);
        }
    }
}
