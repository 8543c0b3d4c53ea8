package de.efa.platform.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Polled records as a consumer gets them, made by hand, so that a test can hand any record to an inbox. */
public final class Records {

    private Records() {
    }

    public static ConsumerRecord<String, String> event(String topic, long offset, String ceId, String type,
                                                       String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        if (ceId != null) {
            headers.add("ce_id", ceId.getBytes(StandardCharsets.UTF_8));
        }
        headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(topic, 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME, -1, -1,
                "key-" + offset, value, headers, Optional.empty());
    }

    public static ConsumerRecord<String, String> event(String topic, long offset, String type, String value) {
        return event(topic, offset, UUID.randomUUID().toString(), type, value);
    }

    /** The same record without a key, as a console producer sends one. */
    public static ConsumerRecord<String, String> withoutKey(ConsumerRecord<String, String> record) {
        return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType(), -1, -1, null, record.value(), record.headers(), Optional.empty());
    }

    @SafeVarargs
    public static ConsumerRecords<String, String> poll(ConsumerRecord<String, String>... records) {
        List<ConsumerRecord<String, String>> list = List.of(records);
        TopicPartition partition = new TopicPartition(list.get(0).topic(), 0);
        return new ConsumerRecords<>(Map.of(partition, list), Map.of());
    }
}
