package de.efa.portal.client;

import java.time.Instant;
import java.util.List;

/** A record of the request topic that the marketplace could not read, and why. */
public record DeadLetter(String id, String topic, int partition, long offset, String key, String value,
                         List<Header> headers, String reason, Instant receivedAt) {

    public record Header(String name, String value) {
    }
}
