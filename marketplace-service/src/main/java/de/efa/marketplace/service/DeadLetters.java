package de.efa.marketplace.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.DeadLetter;
import de.efa.marketplace.domain.UnreadableRecord;
import de.efa.marketplace.domain.UnreadableRecord.Header;
import de.efa.marketplace.repository.DeadLetterRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Keeps what could not be read: a {@code dead_letter} row with the reason and, for the request topic, the
 * original record with a {@code dlq_reason} header on {@code efa.onboarding.requests.v1.dlq} (through the
 * outbox, so that it is sent exactly when the row exists). A redelivered record is kept once.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REQUESTS_TOPIC = "efa.onboarding.requests.v1";
    public static final String REQUESTS_DLQ = REQUESTS_TOPIC + ".dlq";
    public static final String REASON_HEADER = "dlq_reason";

    private final DeadLetterRepository repository;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public DeadLetters(DeadLetterRepository repository, Outbox outbox, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(UnreadableRecord record) {
        DeadLetter letter = new DeadLetter();
        letter.id = UUID.randomUUID();
        letter.topic = record.topic();
        letter.partition = record.partition();
        letter.offset = record.offset();
        letter.recordKey = record.key();
        letter.payload = record.value();
        letter.headers = headersJson(record.headers());
        letter.reason = record.reason();
        letter.receivedAt = clock.instant();
        if (repository.insertOnce(letter) && REQUESTS_TOPIC.equals(record.topic())) {
            List<Header> headers = new ArrayList<>(record.headers());
            headers.add(new Header(REASON_HEADER, record.reason()));
            outbox.write(REQUESTS_DLQ, record.key(), "dead-letter", record.value(), headersJson(headers));
        }
    }

    private String headersJson(List<Header> headers) {
        List<List<String>> pairs = headers.stream().map(h -> Arrays.asList(h.name(), h.value())).toList();
        try {
            return json.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers could not be written as JSON", e);
        }
    }
}
