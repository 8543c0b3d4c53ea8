package de.efa.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One call to a broker: what was asked, what came back (status null: no answer) and how long it took. */
@Entity
@Table(name = "job_attempt")
public class JobAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "job_id")
    public UUID jobId;
    public Instant at;
    public String action;
    /** The X-Broker-API-Request-Identity of the call; null for calls made before it was sent. */
    @Column(name = "request_identity")
    public UUID requestIdentity;
    public String request;
    @Column(name = "request_body")
    public String requestBody;
    public Integer status;
    public String answer;
    @Column(name = "duration_ms")
    public long durationMs;
    /** What the marketplace set aside of the answer and why (a dashboard URL it does not pass on); null for nothing. */
    public String note;
}
