package de.efa.platform.outbox;

import de.efa.platform.events.Header;

import java.util.List;

/**
 * An event a service writes: where it goes, under which key, of which CloudEvents type, with which JSON value.
 * {@code headers} is null for the service's own events, which get CloudEvents headers when they are sent; a
 * forwarded record (a dead letter) keeps exactly the headers it is given, and may have no value.
 */
public record OutgoingEvent(String topic, String key, String type, String payload, List<Header> headers) {

    public static OutgoingEvent of(String topic, String key, String type, String payload) {
        return new OutgoingEvent(topic, key, type, payload, null);
    }

    public static OutgoingEvent forwarded(String topic, String key, String value, List<Header> headers) {
        return new OutgoingEvent(topic, key, "forwarded", value, List.copyOf(headers));
    }
}
