package de.efa.platform.outbox;

import de.efa.platform.problem.ProblemException;

/**
 * A change would make an event larger than Kafka takes. It is refused before anything is stored, as a relay could
 * never send it and every later event of its key would wait behind it.
 */
public class EventTooLargeException extends ProblemException {

    public EventTooLargeException(String type, long bytes, int maxBytes) {
        super(413, "event-too-large", "Change too large",
                "The change would be published as a " + type + " event of " + bytes + " bytes; at most " + maxBytes
                        + " bytes are possible");
    }
}
