package de.efa.platform.schema;

import com.networknt.schema.path.NodePath;

/**
 * A validation stopped because checking a value against its patterns would take too long ({@link PatternBudget}).
 * It is the value's length, not the schema, that the caller can change: the message says so about the value at
 * {@link #instanceLocation()}.
 */
public final class PatternBudgetExceededException extends RuntimeException {

    private final transient NodePath instanceLocation;

    PatternBudgetExceededException(NodePath instanceLocation, String message) {
        super(message, null, false, false);
        this.instanceLocation = instanceLocation;
    }

    /** The value (or object, for property names) that was too long, as the library's errors name locations. */
    public NodePath instanceLocation() {
        return instanceLocation;
    }
}
