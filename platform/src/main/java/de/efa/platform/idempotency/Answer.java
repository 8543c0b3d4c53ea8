package de.efa.platform.idempotency;

/**
 * An answer to a creating request as it is given and, under the same Idempotency-Key, given again: status,
 * {@code Location}, {@code ETag} (either may be null) and the JSON body; {@code replayed} when it is the recorded one.
 */
public record Answer(int status, String location, String etag, String body, boolean replayed) {

    public static Answer first(int status, String location, String etag, String body) {
        return new Answer(status, location, etag, body, false);
    }
}
