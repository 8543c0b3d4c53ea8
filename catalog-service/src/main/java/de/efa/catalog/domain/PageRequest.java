package de.efa.catalog.domain;

/** Which page of a list the caller wants (docs/http.md): page from 0, size 1..100. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw new InvalidValueException("must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException("must be from 1 to " + MAX_SIZE);
        }
    }

    public static int page(String value) {
        return number(value, 0);
    }

    public static int size(String value) {
        int size = number(value, DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException("must be from 1 to " + MAX_SIZE);
        }
        return size;
    }

    private static int number(String value, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 0) {
                throw new InvalidValueException("must be 0 or more");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("must be a whole number");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
