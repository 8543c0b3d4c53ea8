package de.efa.tenant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.tenant.repository.IdempotencyRepository;
import de.efa.tenant.rest.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs (docs/http.md): the first answer is stored with the key in the
 * same transaction as what it created, so the same key and body give that answer again and create nothing,
 * even when the requests run at the same time; the same key with another body is refused with 422.
 */
@ApplicationScoped
public class IdempotencyService {

    private static final Logger LOG = Logger.getLogger(IdempotencyService.class);
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 200;

    private final IdempotencyRepository keys;
    private final ObjectMapper json;

    public IdempotencyService(IdempotencyRepository keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** An answer as it is given and given again: status, Location and the JSON body. */
    public record Answer(int status, String location, String body) {
    }

    /**
     * Runs {@code work} once per caller and key.
     *
     * @param request what identifies the request besides the key: its method, path and body
     */
    @Transactional
    public Answer once(Caller caller, Optional<String> key, Object request, Supplier<Answer> work) {
        if (key.isEmpty()) {
            return work.get();
        }
        String idempotencyKey = key.get();
        if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            Violations violations = new Violations();
            violations.add("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
            violations.throwIfAny();
        }
        String hash = hash(request);
        if (keys.take(caller.name(), idempotencyKey, hash, RETENTION)) {
            Answer answer = work.get();
            keys.storeAnswer(caller.name(), idempotencyKey, answer.status(), answer.location(), answer.body());
            return answer;
        }
        IdempotencyRepository.Stored stored = keys.find(caller.name(), idempotencyKey)
                .orElseThrow(() -> ProblemException.conflict("The Idempotency-Key is in use; try again"));
        if (!stored.requestHash().equals(hash)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for another request");
        }
        return new Answer(stored.status(), stored.location(), stored.body());
    }

    /** Keys are only good for 24 h; dropping the old ones keeps the table small after a national rollout. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        LOG.debugf("%d expired Idempotency-Keys purged", purgeExpired());
    }

    /** @return how many expired keys were removed */
    @Transactional
    public int purgeExpired() {
        return keys.purgeOlderThan(RETENTION);
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request could not be hashed", e);
        }
    }

    /** Writes a representation as the JSON body of an answer. */
    public String body(Object representation) {
        try {
            return json.writeValueAsString(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer could not be written as JSON", e);
        }
    }
}
