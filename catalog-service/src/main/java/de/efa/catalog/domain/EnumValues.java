package de.efa.catalog.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads the name of an enum constant as a caller wrote it, with a message that lists what is allowed. */
public final class EnumValues {

    private EnumValues() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            throw new InvalidValueException("is required");
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new InvalidValueException("must be one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")));
    }
}
