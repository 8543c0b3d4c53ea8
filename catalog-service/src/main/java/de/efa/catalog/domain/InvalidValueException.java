package de.efa.catalog.domain;

import java.util.List;

/** A value broke its type's rules; each message is safe to show to the caller. */
public class InvalidValueException extends IllegalArgumentException {

    private final List<String> messages;

    public InvalidValueException(String message) {
        this(List.of(message));
    }

    public InvalidValueException(List<String> messages) {
        super(String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
