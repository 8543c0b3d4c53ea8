package de.efa.catalog.service;

import de.efa.catalog.repository.IdempotencyRepository;
import de.efa.catalog.repository.IdempotencyRepository.StoredAnswer;
import de.efa.catalog.rest.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Serves a creating request once per caller and Idempotency-Key (docs/http.md): the key is reserved in the
 * transaction that creates, so a retry or a concurrent twin gets the first answer and creates nothing.
 */
@ApplicationScoped
public class IdempotencyService {

    public static final Duration RETENTION = Duration.ofHours(24);

    /** An answer as it goes to the caller; {@code replayed} when it is the recorded first one. */
    public record Answer(int status, String location, String etag, String body, boolean replayed) {
    }

    private final IdempotencyRepository keys;

    public IdempotencyService(IdempotencyRepository keys) {
        this.keys = keys;
    }

    @Transactional
    public Answer once(String caller, String key, String requestHash, Supplier<Answer> action) {
        if (keys.reserve(caller, key, requestHash, RETENTION)) {
            Answer answer = action.get();
            keys.record(caller, key, answer.status(), answer.location(), answer.etag(), answer.body());
            return answer;
        }
        StoredAnswer first = keys.find(caller, key)
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished while reserved"));
        if (!first.requestHash().equals(requestHash)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used with another request body; use a new key for a new request");
        }
        return new Answer(first.status(), first.location(), first.etag(), first.body(), true);
    }
}
