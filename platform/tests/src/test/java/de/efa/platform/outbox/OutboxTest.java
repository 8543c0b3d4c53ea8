package de.efa.platform.outbox;

import de.efa.infra.test.TestTokens;
import de.efa.platform.support.DiscardObserver;
import de.efa.platform.support.Sql;
import de.efa.platform.support.TestWrites;
import de.efa.platform.tracing.Tracing;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class OutboxTest {

    private static final String TYPE = "de.efa.test.happened.v1";

    @InjectKafkaCompanion
    KafkaCompanion kafka;
    @Inject
    TestWrites writes;
    @Inject
    Sql sql;
    @Inject
    Tracing tracing;

    @Test
    void an_event_goes_out_after_commit_with_its_cloudevents_headers() {
        String topic = newTopic();
        UUID id = writes.write(topic, "key-1", TYPE, "{\"n\":1}");

        ConsumerRecord<String, String> record = kafka.consumeStrings().fromTopics(topic, 1)
                .awaitCompletion(Duration.ofSeconds(20)).getFirstRecord();

        assertThat(record.key()).isEqualTo("key-1");
        assertThat(record.value()).isEqualTo("{\"n\":1}");
        assertThat(header(record, "ce_id")).isEqualTo(id.toString());
        assertThat(header(record, "ce_type")).isEqualTo(TYPE);
        assertThat(header(record, "ce_source")).isEqualTo("/efa/platform-test");
        assertThat(header(record, "ce_subject")).isEqualTo("key-1");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        await().untilAsserted(() -> assertThat(
                sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND sent_at IS NOT NULL", id)).isEqualTo(1));
    }

    @Test
    void an_event_written_in_a_span_keeps_its_traceparent_and_goes_out_with_it() {
        String topic = newTopic();
        String[] written = new String[2];
        UUID id = tracing.inSpan("test request", SpanKind.SERVER, span -> {
            written[0] = Tracing.currentTraceparent().orElseThrow();
            written[1] = span.getSpanContext().getTraceId();
            return writes.write(topic, "key-t", TYPE, "{}");
        });

        assertThat(sql.strings("SELECT traceparent FROM outbox_event WHERE id = ?", id)).containsExactly(written[0]);
        assertThat(written[0]).startsWith("00-" + written[1] + "-");
        ConsumerRecord<String, String> record = kafka.consumeStrings().fromTopics(topic, 1)
                .awaitCompletion(Duration.ofSeconds(20)).getFirstRecord();
        assertThat(header(record, "traceparent")).isEqualTo(written[0]);
        assertThat(header(record, "ce_id")).isEqualTo(id.toString());
    }

    @Test
    void an_event_larger_than_kafka_takes_is_refused_when_it_is_written_and_nothing_is_stored() {
        long before = sql.count("SELECT count(*) FROM outbox_event");

        assertThatThrownBy(() -> writes.write(newTopic(), "key", TYPE, "{\"text\":\"" + "x".repeat(30_000) + "\"}"))
                .isInstanceOfSatisfying(EventTooLargeException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.getMessage()).contains("at most 20000 bytes");
                });
        assertThat(sql.count("SELECT count(*) FROM outbox_event")).isEqualTo(before);
    }

    @Test
    void a_record_kafka_refuses_is_parked_after_its_attempts_while_other_keys_go_out() {
        String topic = newTopic();
        UUID refused = writes.write("not a valid topic!", "bad-key", TYPE, "{}");
        UUID fine = writes.write(topic, "good-key", TYPE, "{}");

        kafka.consumeStrings().fromTopics(topic, 1).awaitCompletion(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sql.strings(
                "SELECT attempts || ' ' || (parked_at IS NOT NULL) FROM outbox_event WHERE id = ?", refused))
                .containsExactly("2 true"));
        assertThat(sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND sent_at IS NOT NULL", fine))
                .isEqualTo(1);

        given().auth().oauth2(TestTokens.operator()).get("/api/v1/parked/outgoing?size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(refused.toString()));
        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/retry", refused)
                .then().statusCode(200)
                .body("id", equalTo(refused.toString()));
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/retry", unknown)
                .then().statusCode(404);
        // The operator's retry is audited; the refused one changed nothing and is not.
        assertThat(sql.strings("SELECT actor || ' ' || actor_role || ' ' || action || ' ' || outcome FROM audit_entry "
                + "WHERE target_type = 'outgoing-event' AND target_id = ?", refused.toString()))
                .containsExactly("operator operator outgoing-event.retry queued");
        assertThat(sql.count("SELECT count(*) FROM audit_entry WHERE target_id = ?", unknown.toString())).isZero();
    }

    @Test
    void a_parked_event_holds_the_later_events_of_its_key_until_an_operator_retries_it() {
        String topic = newTopic();
        UUID parked = park(topic, "key-held", "{\"n\":1}");
        holdsBack(topic, "key-held", "{\"n\":2}");

        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/retry", parked)
                .then().statusCode(200);
        List<String> held = kafka.consumeStrings().fromTopics(topic, 3).awaitCompletion(Duration.ofSeconds(20))
                .getRecords().stream().filter(record -> record.key().equals("key-held"))
                .map(ConsumerRecord::value).toList();
        assertThat(held).containsExactly("{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void an_operator_discards_a_parked_event_for_good_and_the_later_events_of_its_key_go_out() {
        String topic = newTopic();
        UUID parked = park(topic, "key-given-up", "{\"n\":1}");
        UUID later = holdsBack(topic, "key-given-up", "{\"n\":2}");
        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/discard", later)
                .then().statusCode(404).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/discard", parked)
                .then().statusCode(200)
                .body("id", equalTo(parked.toString()))
                .body("topic", equalTo(topic))
                .body("key", equalTo("key-given-up"))
                .body("type", equalTo(TYPE))
                .body("attempts", equalTo(2))
                .body("lastError", equalTo("refused"));

        List<String> sent = kafka.consumeStrings().fromTopics(topic, 2).awaitCompletion(Duration.ofSeconds(20))
                .getRecords().stream().filter(record -> record.key().equals("key-given-up"))
                .map(ConsumerRecord::value).toList();
        assertThat(sent).containsExactly("{\"n\":2}");
        assertThat(sql.count("SELECT count(*) FROM outbox_event WHERE id = ?", parked)).isZero();
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/parked/outgoing?size=100")
                .then().statusCode(200)
                .body("items.id", not(hasItem(parked.toString())));
        assertThat(sql.strings("SELECT actor || ' ' || actor_role || ' ' || action || ' ' || outcome || ' ' "
                + "|| (details ->> 'topic') || ' ' || (details ->> 'key') || ' ' || (details ->> 'type') || ' ' "
                + "|| (details ->> 'lastError') FROM audit_entry WHERE target_type = 'outgoing-event' "
                + "AND target_id = ?", parked.toString()))
                .containsExactly("operator operator outgoing-event.discard discarded " + topic + " key-given-up "
                        + TYPE + " refused");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND sent_at IS NOT NULL", later))
                .isEqualTo(1));
        for (UUID notParked : List.of(parked, later, UUID.randomUUID())) {
            given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/discard", notParked)
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/retry", notParked)
                    .then().statusCode(404);
        }
        assertThat(sql.count("SELECT count(*) FROM audit_entry WHERE target_id IN (?, ?)", parked.toString(),
                later.toString())).isEqualTo(1);
    }

    @Test
    void a_discard_tells_the_services_observers_in_its_transaction_and_one_that_fails_undoes_it() {
        UUID parked = park(newTopic(), "key-observed", "{}");
        UUID kept = park(newTopic(), DiscardObserver.FAILS, "{}");

        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/discard", parked)
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/discard", kept)
                .then().statusCode(500).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/discard", UUID.randomUUID())
                .then().statusCode(404);

        assertThat(sql.strings("SELECT note FROM test_effect WHERE note LIKE ? OR note LIKE ?",
                "discarded " + parked + "%", "discarded " + kept + "%"))
                .containsExactly("discarded " + parked + " key-observed");
        assertThat(sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND parked_at IS NOT NULL", kept))
                .isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM audit_entry WHERE target_id = ?", kept.toString())).isZero();
    }

    @Test
    void a_dead_letter_forwarded_without_a_key_is_discarded_and_audited_without_one() {
        UUID parked = park(newTopic(), null, "{}");

        given().auth().oauth2(TestTokens.operator()).post("/api/v1/parked/outgoing/{id}/discard", parked)
                .then().statusCode(200)
                .body("key", nullValue());

        assertThat(sql.strings("SELECT details::text FROM audit_entry WHERE target_id = ?", parked.toString()))
                .singleElement().asString().contains("\"key\": null", "\"type\": \"" + TYPE + "\"");
    }

    @Test
    void only_an_operator_discards_and_a_refused_discard_changes_nothing() {
        UUID parked = park(newTopic(), "key-kept", "{}");

        given().post("/api/v1/parked/outgoing/{id}/discard", parked)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.municipality("14713000")).post("/api/v1/parked/outgoing/{id}/discard", parked)
                .then().statusCode(403).contentType("application/problem+json");

        assertThat(sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND parked_at IS NOT NULL", parked))
                .isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM audit_entry WHERE target_id = ?", parked.toString())).isZero();
    }

    @Test
    void a_discard_and_a_retry_waiting_for_the_same_parked_event_do_not_both_win() {
        UUID parked = park(newTopic(), "key-raced", "{}");
        List<CompletableFuture<Integer>> answers = new ArrayList<>();

        // Both wait for the row while this transaction holds it, and go on together when it ends.
        writes.run(() -> {
            sql.strings("SELECT id FROM outbox_event WHERE id = ? FOR UPDATE", parked);
            for (String action : List.of("discard", "retry")) {
                answers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(TestTokens.operator())
                        .post("/api/v1/parked/outgoing/{id}/" + action, parked).statusCode()));
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sql.count(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            + "AND query LIKE '%outbox_event%'")).isEqualTo(2));
        });

        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsExactlyInAnyOrder(200, 404);
        List<String> audited = sql.strings("SELECT action FROM audit_entry WHERE target_id = ?", parked.toString());
        long rows = sql.count("SELECT count(*) FROM outbox_event WHERE id = ?", parked);
        if (statuses.get(0) == 200) {
            assertThat(audited).containsExactly("outgoing-event.discard");
            assertThat(rows).isZero();
        } else {
            assertThat(audited).containsExactly("outgoing-event.retry");
            assertThat(rows).isEqualTo(1);
        }
    }

    @Test
    void only_operators_see_parked_events() {
        given().get("/api/v1/parked/outgoing").then().statusCode(401);
        given().auth().oauth2(TestTokens.municipality("14713000")).get("/api/v1/parked/outgoing")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.provider("akdb")).get("/api/v1/parked/incoming")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/parked/incoming")
                .then().statusCode(200);
    }

    @Test
    void a_topic_filter_that_no_kafka_topic_can_have_is_a_400() {
        for (String topic : List.of("efa.x\u0000", "kein Thema", "x".repeat(250))) {
            given().auth().oauth2(TestTokens.operator()).queryParam("topic", topic).get("/api/v1/parked/incoming")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("topic"));
        }
        given().auth().oauth2(TestTokens.operator()).queryParam("topic", "efa.onboarding.requests.v1")
                .get("/api/v1/parked/incoming").then().statusCode(200);
    }

    /** A parked event of {@code key}, as the relay leaves one that Kafka refused as often as it may. */
    private UUID park(String topic, String key, String payload) {
        UUID parked = UUID.randomUUID();
        sql.update("INSERT INTO outbox_event (id, topic, record_key, type, payload, attempts, last_error, parked_at) "
                + "VALUES (?, ?, ?, ?, ?, 2, 'refused', now())", parked, topic, key, TYPE, payload);
        return parked;
    }

    /**
     * Writes a later event of the parked event's key and one of another key ({@code {"n":3}}), and waits until the
     * relay has sent the other key's while the later one is held back; answers the later one.
     */
    private UUID holdsBack(String topic, String key, String payload) {
        UUID later = writes.write(topic, key, TYPE, payload);
        UUID otherKey = writes.write(topic, "key-other", TYPE, "{\"n\":3}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND sent_at IS NOT NULL", otherKey))
                .isEqualTo(1));
        assertThat(sql.count("SELECT count(*) FROM outbox_event WHERE id = ? AND sent_at IS NULL", later))
                .isEqualTo(1);
        return later;
    }

    private String newTopic() {
        String topic = "platform.test." + UUID.randomUUID();
        kafka.topics().createAndWait(topic, 3);
        return topic;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
