package de.efa.platform.inbox;

import java.util.regex.Pattern;

/** The name of a Kafka topic, as Kafka allows it: ASCII letters, digits, '.', '_' and '-', at most 249 of them. */
public record TopicName(String value) {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public TopicName {
        if (value == null || !LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be a Kafka topic name: ASCII letters, digits, '.', '_' and '-', at most 249 characters");
        }
    }
}
