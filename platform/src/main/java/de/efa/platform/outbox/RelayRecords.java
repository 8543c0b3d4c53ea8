package de.efa.platform.outbox;

import de.efa.platform.events.CloudEventHeaders;
import de.efa.platform.events.Header;
import de.efa.platform.tracing.Tracing;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An outbox row as the Kafka record it becomes: CloudEvents 1.0 binary mode with the {@code traceparent} of the
 * trace it was written in, or a forwarded record as it was.
 */
final class RelayRecords {

    private RelayRecords() {
    }

    static ProducerRecord<String, String> of(PendingEvent event, String source) {
        List<Header> headers = event.headers() != null ? event.headers()
                : cloudEventHeaders(event.id(), source, event.type(), event.key(), event.createdAt(),
                        event.traceparent());
        RecordHeaders recordHeaders = new RecordHeaders();
        for (Header header : headers) {
            recordHeaders.add(header.name(), header.value() == null ? null
                    : header.value().getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), recordHeaders);
    }

    static List<Header> cloudEventHeaders(UUID id, String source, String type, String key, Instant time,
                                          String traceparent) {
        List<Header> headers = new ArrayList<>(List.of(
                new Header(CloudEventHeaders.SPEC_VERSION, "1.0"),
                new Header(CloudEventHeaders.ID, id.toString()),
                new Header(CloudEventHeaders.SOURCE, source),
                new Header(CloudEventHeaders.TYPE, type),
                new Header(CloudEventHeaders.TIME, time.toString()),
                new Header(CloudEventHeaders.SUBJECT, key),
                new Header(CloudEventHeaders.CONTENT_TYPE, "application/json")));
        if (traceparent != null) {
            headers.add(new Header(Tracing.TRACEPARENT, traceparent));
        }
        return headers;
    }
}
