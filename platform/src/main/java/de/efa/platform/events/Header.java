package de.efa.platform.events;

/** A Kafka record header as text, in the order the record carries it. */
public record Header(String name, String value) {
}
