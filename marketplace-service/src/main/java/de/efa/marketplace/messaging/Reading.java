package de.efa.marketplace.messaging;

/** What reading one Kafka record gave: a value, the reason there is none, or neither (nothing to do). */
public record Reading<T>(T value, String reason) {

    public static <T> Reading<T> of(T value) {
        return new Reading<>(value, null);
    }

    public static <T> Reading<T> unreadable(String reason) {
        return new Reading<>(null, reason);
    }

    public static <T> Reading<T> nothing() {
        return new Reading<>(null, null);
    }

    public boolean readable() {
        return value != null;
    }

    public boolean unreadable() {
        return reason != null;
    }
}
