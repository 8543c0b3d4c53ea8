package de.efa.platform.schema;

import com.networknt.schema.path.NodePath;

import java.util.Optional;

/**
 * A validation stopped because checking the values against their patterns would take too long ({@link PatternBudget}).
 * It is the values' length, not the schema, that the caller can change: the message says so about the value at
 * {@link #instanceLocation()}, or about all of them when no one value alone is too long.
 */
public final class PatternBudgetExceededException extends RuntimeException {

    private final transient NodePath instanceLocation;

    PatternBudgetExceededException(NodePath instanceLocation, String message) {
        super(message, null, false, false);
        this.instanceLocation = instanceLocation;
    }

    /**
     * The value (or object, for property names) that was too long, as the library's errors name locations; empty
     * when the values were too long together.
     */
    public Optional<NodePath> instanceLocation() {
        return Optional.ofNullable(instanceLocation);
    }
}
