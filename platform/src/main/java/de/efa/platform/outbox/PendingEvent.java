package de.efa.platform.outbox;

import de.efa.platform.events.Header;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event a relay has claimed; its id becomes the CloudEvents {@code ce_id}, {@code traceparent} is the trace it was
 * written in (null: none).
 */
record PendingEvent(UUID id, long seq, String topic, String key, String type, String payload, List<Header> headers,
                    Instant createdAt, String traceparent) {
}
