package de.efa.platform.outbox;

import de.efa.platform.events.Header;

import java.util.List;
import java.util.Objects;

/**
 * An event a service writes: where it goes, under which key, of which CloudEvents type, with which JSON value.
 * {@code headers} is null for the service's own events, which get CloudEvents headers when they are sent; a
 * forwarded record (a dead letter) keeps exactly the headers it is given, and may have no key and no value, as the
 * record it forwards.
 */
public record OutgoingEvent(String topic, String key, String type, String payload, List<Header> headers) {

    /** A service's own event; its key is its aggregate's id, which keeps the aggregate's events in order. */
    public static OutgoingEvent of(String topic, String key, String type, String payload) {
        return new OutgoingEvent(topic, Objects.requireNonNull(key, "an event needs its aggregate's id as key"), type,
                payload, null);
    }

    public static OutgoingEvent forwarded(String topic, String key, String value, List<Header> headers) {
        return new OutgoingEvent(topic, key, "forwarded", value, List.copyOf(headers));
    }
}
