package de.efa.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creating POSTs, alike in every service: the key is reserved in the transaction that
 * creates and keeps the first answer, so the same key and request within {@link #RETENTION} give that answer again
 * (replayed) and create nothing, even when the two run at once; the same key with another request is 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRepository keys;
    private final ObjectMapper json;

    public Idempotency(IdempotencyRepository keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /**
     * Runs {@code work} once per caller and key; without a key, simply runs it.
     *
     * @param request what the key is bound to besides the caller: whatever identifies the request (path and body)
     */
    @Transactional
    public Answer once(Caller caller, String key, Object request, Supplier<Answer> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            new Violations().add("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters").throwIfAny();
        }
        String scope = caller.idempotencyScope();
        String hash = hash(request);
        if (keys.reserve(scope, key, hash, RETENTION)) {
            Answer answer = work.get();
            keys.record(scope, key, answer);
            return answer;
        }
        IdempotencyRepository.Stored first = keys.find(scope, key)
                .orElseThrow(() -> ProblemException.conflict("The Idempotency-Key is in use; try again"));
        if (!first.requestHash().equals(hash)) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for another request; use a new key for a new request");
        }
        if (first.status() == null) {
            throw ProblemException.conflict("The first request with this Idempotency-Key is still running; try again");
        }
        return new Answer(first.status(), first.location(), first.etag(), first.body(), true);
    }

    /** Writes a representation as the JSON body of an answer. */
    public String body(Object representation) {
        try {
            return json.writeValueAsString(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
