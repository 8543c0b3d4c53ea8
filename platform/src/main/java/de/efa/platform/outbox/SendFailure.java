package de.efa.platform.outbox;

import java.util.UUID;

/** An event Kafka did not take; {@code countsAsAttempt} when it refused the record itself rather than being away. */
record SendFailure(UUID id, boolean countsAsAttempt, String error) {
}
