package de.efa.catalog.domain;

/** An amount of money in euro cents: a whole, non-negative number. */
public final class Cents {

    private Cents() {
    }

    public static long of(Long value) {
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        if (value < 0) {
            throw new InvalidValueException("must be zero or more cents");
        }
        return value;
    }
}
