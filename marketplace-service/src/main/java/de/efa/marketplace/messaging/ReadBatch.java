package de.efa.marketplace.messaging;

import de.efa.marketplace.domain.UnreadableRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A polled batch split into what could be read and what could not, each unreadable record with its reason. */
record ReadBatch<T>(List<T> readable, List<UnreadableRecord> unreadable) {

    private static final Logger LOG = Logger.getLogger(ReadBatch.class);

    static <T> ReadBatch<T> of(ConsumerRecords<String, String> records,
                               Function<ConsumerRecord<String, String>, Reading<T>> reader) {
        List<T> readable = new ArrayList<>();
        List<UnreadableRecord> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Reading<T> reading = reader.apply(record);
            if (reading.readable()) {
                readable.add(reading.value());
            } else if (reading.unreadable()) {
                LOG.warnf("unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        reading.reason());
                unreadable.add(new UnreadableRecord(record.topic(), record.partition(), record.offset(), record.key(),
                        record.value(), KafkaHeaders.all(record.headers()), reading.reason()));
            }
        }
        return new ReadBatch<>(readable, unreadable);
    }
}
