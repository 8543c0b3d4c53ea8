package de.efa.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A record that could not be read, kept with the reason so that an operator can see it and act. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter {

    @Id
    public UUID id;
    public String topic;
    @Column(name = "kafka_partition")
    public int partition;
    @Column(name = "kafka_offset")
    public long offset;
    @Column(name = "record_key")
    public String recordKey;
    public String payload;
    /** The record's headers as a JSON array of {@code [name, value]} pairs. */
    public String headers;
    public String reason;
    @Column(name = "received_at")
    public Instant receivedAt;
}
