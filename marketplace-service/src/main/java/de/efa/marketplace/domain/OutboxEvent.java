package de.efa.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A record waiting to be relayed to Kafka, written in the same transaction as the change it tells of.
 * {@code headers} (JSON {@code [[name, value], …]}) replaces the CloudEvents headers where a record must keep
 * the headers it came with (the dead-letter topic).
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;
    public String topic;
    @Column(name = "record_key")
    public String recordKey;
    public String type;
    public String payload;
    public String headers;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
