package de.efa.marketplace.domain;

import java.util.List;

/** A Kafka record this service could not read, as it came (headers in their order), and why. */
public record UnreadableRecord(String topic, int partition, long offset, String key, String value,
                               List<Header> headers, String reason) {

    public record Header(String name, String value) {
    }
}
