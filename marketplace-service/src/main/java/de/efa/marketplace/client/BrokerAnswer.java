package de.efa.marketplace.client;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What one call to a broker came to. {@code requestIdentity} is the {@code X-Broker-API-Request-Identity} it was sent
 * with, by which the broker's logs find it. {@code status} is null when no answer arrived; {@code failure} then says
 * whether the broker may have received the request ({@link Failure#TIMEOUT}, {@link Failure#BROKEN}) or surely did
 * not (every other failure), which decides whether an orphan may exist. {@code body} is the whole answer (at most
 * 1 MiB), as a catalog can be long; {@link #summary()} is what is kept of it.
 */
public record BrokerAnswer(
        BrokerAction action,
        UUID requestIdentity,
        String method,
        String url,
        String requestBody,
        Instant at,
        long durationMs,
        Integer status,
        String body,
        Duration retryAfter,
        Failure failure,
        String failureDetail) {

    public static final int MAX_SUMMARY_CHARS = 4000;

    public enum Failure {
        NONE,
        /** No complete answer within the call's deadline. */
        TIMEOUT,
        /** The broker could not be reached. */
        NOT_SENT,
        /** The connection broke, or the answer was larger than 1 MiB. */
        BROKEN,
        /** The broker URL is refused by the production policy: no call was made, nor will be. */
        NOT_ALLOWED,
        /** The identity provider gave no token: no call was made; the broker is not to blame. */
        NO_TOKEN,
        /** The broker's calls failed or timed out repeatedly: it is short-circuited for a while, no call was made. */
        CIRCUIT_OPEN,
        /** As many workers as the broker may have are inside calls to it: no call was made. */
        BROKER_BUSY
    }

    public boolean answered() {
        return status != null;
    }

    /** Whether the request may have reached the broker: an answer, a timeout or a connection that broke. */
    public boolean mayHaveReachedBroker() {
        return failure == Failure.NONE || failure == Failure.TIMEOUT || failure == Failure.BROKEN;
    }

    /**
     * Whether the broker failed at this call: no usable answer in time, a server error, or a 408, by which the broker
     * says that it ran out of time itself, as a call of ours that times out does.
     */
    public boolean brokerFailed() {
        return serverError() || is(408) || failure == Failure.TIMEOUT || failure == Failure.BROKEN
                || failure == Failure.NOT_SENT;
    }

    public boolean is(int code) {
        return status != null && status == code;
    }

    public boolean success() {
        return status != null && status >= 200 && status < 300;
    }

    public boolean clientError() {
        return status != null && status >= 400 && status < 500;
    }

    public boolean serverError() {
        return status != null && status >= 500;
    }

    /** The answer as an operator reads it in the job's attempts, at most {@value #MAX_SUMMARY_CHARS} characters. */
    public String summary() {
        return BrokerText.cut(answered() ? body : failureDetail, MAX_SUMMARY_CHARS);
    }
}
