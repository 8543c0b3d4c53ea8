package de.efa.marketplace.messaging;

import de.efa.marketplace.domain.UnreadableRecord.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading Kafka headers as text. */
final class KafkaHeaders {

    private KafkaHeaders() {
    }

    static String text(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static List<Header> all(Headers headers) {
        List<Header> all = new ArrayList<>();
        headers.forEach(h -> all.add(new Header(h.key(),
                h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8))));
        return all;
    }
}
