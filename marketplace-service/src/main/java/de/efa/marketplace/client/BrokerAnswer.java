package de.efa.marketplace.client;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What one call to a broker came to. {@code requestIdentity} is the {@code X-Broker-API-Request-Identity} it was sent
 * with, by which the broker's logs find it. {@code status} is null when no answer arrived; {@code failure} then says
 * whether the broker may have received the request ({@link Failure#TIMEOUT}, {@link Failure#BROKEN}) or surely did
 * not ({@link Failure#NOT_SENT}), which decides whether an orphan may exist. {@code body} is the whole answer, as a
 * catalog can be long; {@link #summary()} is what is kept of it.
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
        TIMEOUT,
        NOT_SENT,
        BROKEN
    }

    public boolean answered() {
        return status != null;
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
        String text = answered() ? body : failureDetail;
        return text == null || text.length() <= MAX_SUMMARY_CHARS ? text : text.substring(0, MAX_SUMMARY_CHARS) + "…";
    }
}
