package de.efa.platform.inbox;

import de.efa.platform.events.Header;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A record as a consumer received it: where it came from, its key, its value and its headers as text. */
public record InboundEvent(String topic, int partition, long offset, String key, String value, List<Header> headers) {

    static InboundEvent of(ConsumerRecord<String, String> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(h -> headers.add(new Header(h.key(),
                h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8))));
        return new InboundEvent(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                List.copyOf(headers));
    }

    /** The last header of that name, as Kafka's own lookup does. */
    public Optional<String> header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).name().equals(name)) {
                return Optional.ofNullable(headers.get(i).value());
            }
        }
        return Optional.empty();
    }

    /** Where the record was, for logs and operators: {@code topic-partition@offset}. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
