package de.efa.platform.inbox;

import de.efa.platform.support.NotesHandler;
import de.efa.platform.support.Sql;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import static de.efa.platform.support.Records.event;
import static de.efa.platform.support.Records.poll;
import static de.efa.platform.support.Records.withoutKey;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class EventInboxTest {

    private static final String TOPIC = "platform.test.notes.v1";

    @Inject
    EventInbox inbox;
    @Inject
    NotesHandler notes;
    @Inject
    Sql sql;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry meters;
    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @BeforeEach
    void clean() {
        sql.update("DELETE FROM test_effect");
        sql.update("DELETE FROM parked_record");
    }

    @AfterEach
    void noDeadLetters() {
        notes.deadLettersTo(null);
    }

    @Test
    void events_are_applied_in_the_trace_their_traceparent_names() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ConsumerRecord<String, String> traced = event(TOPIC, 90, NotesHandler.TYPE, "{\"note\":\"traced\"}");
        traced.headers().add("traceparent",
                ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));

        inbox.consume(poll(traced, event(TOPIC, 91, NotesHandler.TYPE, "{\"note\":\"untraced\"}")), notes);

        assertThat(sql.strings("SELECT note FROM test_effect ORDER BY id")).containsExactly("traced", "untraced");
        assertThat(notes.lastTraceId()).isEqualTo(traceId);
    }

    @Test
    void a_nul_character_the_database_refuses_is_parked_and_the_records_after_it_are_applied() {
        inbox.consume(poll(
                event(TOPIC, 1, NotesHandler.TYPE, "{\"note\":\"before\"}"),
                event(TOPIC, 2, NotesHandler.TYPE, "{\"note\":\"a\\u0000b\"}"),
                event(TOPIC, 3, NotesHandler.TYPE, "{\"note\":\"after\"}")), notes);

        assertThat(sql.strings("SELECT note FROM test_effect ORDER BY id")).containsExactly("before", "after");
        assertThat(sql.strings("SELECT kafka_offset || ' ' || reason FROM parked_record"))
                .singleElement().asString().startsWith("2 ").contains("0x00");
    }

    @Test
    void a_connection_lost_while_the_items_of_a_failed_batch_are_applied_alone_is_waited_out_not_skipped() {
        notes.flakyAgain();

        inbox.consume(poll(
                event(TOPIC, 70, NotesHandler.TYPE, "{\"note\":\"first\"}"),
                event(TOPIC, 71, NotesHandler.TYPE, "{\"note\":\"reject\"}"),
                event(TOPIC, 72, NotesHandler.TYPE, "{\"note\":\"flaky\"}")), notes);

        assertThat(sql.strings("SELECT note FROM test_effect ORDER BY id")).containsExactly("first", "flaky");
        assertThat(sql.strings("SELECT kafka_offset FROM parked_record")).containsExactly("71");
    }

    @Test
    void a_ce_id_of_3000_characters_is_parked_with_its_reason_and_the_partition_goes_on() {
        inbox.consume(poll(
                event(TOPIC, 10, "x".repeat(3000), NotesHandler.TYPE, "{\"note\":\"long id\"}"),
                event(TOPIC, 11, NotesHandler.TYPE, "{\"note\":\"next\"}")), notes);

        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("next");
        assertThat(sql.strings("SELECT reason FROM parked_record WHERE kafka_offset = 10"))
                .containsExactly("ce_id is not a UUID (3000 characters)");
    }

    @Test
    void an_unreadable_value_and_a_rejected_event_are_parked() {
        inbox.consume(poll(
                event(TOPIC, 20, NotesHandler.TYPE, "not json"),
                event(TOPIC, 21, NotesHandler.TYPE, "{\"note\":\"reject\"}"),
                event(TOPIC, 22, NotesHandler.TYPE, "{\"note\":\"fine\"}")), notes);

        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("fine");
        assertThat(sql.strings("SELECT reason FROM parked_record ORDER BY kafka_offset"))
                .containsExactly("the value is not JSON", "this note can never be applied");
    }

    @Test
    void a_record_without_a_value_that_the_handler_refuses_is_parked_and_the_next_is_applied() {
        inbox.consume(poll(
                event(TOPIC, 25, NotesHandler.TYPE, null),
                event(TOPIC, 26, NotesHandler.TYPE, "{\"note\":\"after the tombstone\"}")), notes);

        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("after the tombstone");
        assertThat(sql.strings("SELECT kafka_offset || ' ' || reason FROM parked_record"))
                .containsExactly("25 a note needs a value");
    }

    /** Also one without a value or over the size limit: a newer producer's event may be either (docs/events.md). */
    @Test
    void unknown_types_are_skipped_and_counted_never_parked() {
        double before = skipped();

        inbox.consume(poll(event(TOPIC, 30, "de.efa.test.from-the-future.v2", "{\"whatever\":1}"),
                event(TOPIC, 31, "de.efa.test.from-the-future.v2", null),
                event(TOPIC, 32, "de.efa.test.from-the-future.v2", "{\"x\":\"" + "a".repeat(2_000_000) + "\"}")),
                notes);

        assertThat(sql.count("SELECT count(*) FROM parked_record")).isZero();
        assertThat(sql.count("SELECT count(*) FROM test_effect")).isZero();
        assertThat(skipped()).isEqualTo(before + 3);
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        String ceId = UUID.randomUUID().toString();
        inbox.consume(poll(event(TOPIC, 40, ceId, NotesHandler.TYPE, "{\"note\":\"once\"}"),
                event(TOPIC, 41, ceId, NotesHandler.TYPE, "{\"note\":\"once\"}")), notes);
        inbox.consume(poll(event(TOPIC, 40, ceId, NotesHandler.TYPE, "{\"note\":\"once\"}")), notes);

        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("once");
        assertThat(sql.count("SELECT count(*) FROM processed_event WHERE ce_id = ?::uuid", ceId)).isEqualTo(1);
    }

    @Test
    void a_parked_record_goes_to_the_dead_letter_topic_with_its_reason() {
        notes.deadLettersTo("platform.test.notes.v1.dlq");

        inbox.consume(poll(event(TOPIC, 50, NotesHandler.TYPE, "{}")), notes);

        assertThat(sql.strings("SELECT headers FROM outbox_event WHERE topic = 'platform.test.notes.v1.dlq'"))
                .singleElement().asString().contains("[\"dlq_reason\",\"'note' is missing\"]")
                .contains("[\"ce_type\",\"" + NotesHandler.TYPE + "\"]");
    }

    @Test
    void a_record_without_a_key_goes_to_the_dead_letter_topic_without_one_and_the_partition_goes_on() throws Exception {
        String deadLetters = newTopic();
        notes.deadLettersTo(deadLetters);

        consumeInTime(poll(withoutKey(event(TOPIC, 80, NotesHandler.TYPE, "not json")),
                event(TOPIC, 81, NotesHandler.TYPE, "{\"note\":\"after the keyless one\"}")));

        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("after the keyless one");
        assertThat(sql.strings("SELECT coalesce(record_key, 'no key') || ', ' || reason FROM parked_record"))
                .containsExactly("no key, the value is not JSON");
        ConsumerRecord<String, String> letter = kafka.consumeStrings().fromTopics(deadLetters, 1)
                .awaitCompletion(Duration.ofSeconds(20)).getFirstRecord();
        assertThat(letter.key()).isNull();
        assertThat(letter.value()).isEqualTo("not json");
        assertThat(header(letter, "dlq_reason")).isEqualTo("the value is not JSON");
    }

    @Test
    void a_dead_letter_that_its_reason_makes_too_large_goes_without_its_value_saying_so() throws Exception {
        String deadLetters = newTopic();
        notes.deadLettersTo(deadLetters);
        // With its key and headers the record is just within efa.outbox.max-event-bytes (20000); dlq_reason is not.
        String value = "x".repeat(19_900);

        consumeInTime(poll(event(TOPIC, 82, NotesHandler.TYPE, value),
                event(TOPIC, 83, NotesHandler.TYPE, "{\"note\":\"after the large one\"}")));

        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("after the large one");
        assertThat(sql.strings("SELECT payload FROM parked_record WHERE kafka_offset = 82")).containsExactly(value);
        ConsumerRecord<String, String> letter = kafka.consumeStrings().fromTopics(deadLetters, 1)
                .awaitCompletion(Duration.ofSeconds(20)).getFirstRecord();
        assertThat(letter.key()).isEqualTo("key-82");
        assertThat(letter.value()).isNull();
        assertThat(header(letter, "dlq_reason")).isEqualTo("the value is not JSON");
        assertThat(header(letter, "dlq_value_omitted")).contains("19900 bytes");
        assertThat(header(letter, "ce_type")).isEqualTo(NotesHandler.TYPE);
    }

    @Test
    void a_record_too_large_for_the_dead_letter_topic_even_without_its_value_is_parked_without_a_copy()
            throws Exception {
        String deadLetters = newTopic();
        notes.deadLettersTo(deadLetters);
        ConsumerRecord<String, String> large = event(TOPIC, 84, NotesHandler.TYPE, "not json");
        large.headers().add("x-large", "x".repeat(25_000).getBytes(StandardCharsets.UTF_8));

        consumeInTime(poll(large, event(TOPIC, 85, NotesHandler.TYPE, "{\"note\":\"after the headers\"}")));

        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("after the headers");
        assertThat(sql.strings("SELECT kafka_offset || ' ' || reason FROM parked_record"))
                .containsExactly("84 the value is not JSON");
        assertThat(sql.count("SELECT count(*) FROM outbox_event WHERE topic = ?", deadLetters)).isZero();
    }

    @Test
    void while_the_pool_is_exhausted_longer_than_its_acquisition_timeout_nothing_is_skipped() throws Exception {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < dataSource.getConfiguration().connectionPoolConfiguration().maxSize(); i++) {
            held.add(dataSource.getConnection());
        }
        CompletableFuture<Void> consumed = CompletableFuture.runAsync(() -> inbox.consume(poll(
                event(TOPIC, 60, NotesHandler.TYPE, "{\"note\":\"waited\"}")), notes));
        Thread.sleep(3_000);
        assertThat(consumed).isNotDone();
        for (Connection connection : held) {
            connection.close();
        }

        consumed.get(30, TimeUnit.SECONDS);
        assertThat(sql.strings("SELECT note FROM test_effect")).containsExactly("waited");
        assertThat(sql.count("SELECT count(*) FROM parked_record")).isZero();
    }

    /** Consumes like the consumer's thread, failing the test where that thread would stay stuck. */
    private void consumeInTime(ConsumerRecords<String, String> records) throws Exception {
        CompletableFuture.runAsync(() -> inbox.consume(records, notes)).get(30, TimeUnit.SECONDS);
    }

    private String newTopic() {
        String topic = "platform.test.dead-letters." + UUID.randomUUID();
        kafka.topics().createAndWait(topic, 1);
        return topic;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private double skipped() {
        var counter = meters.find("efa.events.skipped").tag("type", "de.efa.test.from-the-future.v2").counter();
        return counter == null ? 0 : counter.count();
    }
}
