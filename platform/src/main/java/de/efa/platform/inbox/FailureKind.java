package de.efa.platform.inbox;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Set;

/**
 * The one policy for a failed attempt to apply events. The data of an event can be wrong for good (SQLSTATE class
 * 22 data exceptions, class 23 integrity violations, class 54 limits such as an oversized index row, or a
 * {@link RejectedEventException}); its effect can already be there (a unique violation of a constraint the
 * consumer names); anything else (a lost connection, no connection from the pool in time, a statement or
 * transaction timeout, a deadlock, a bug) may pass, so it is retried and never skipped.
 */
enum FailureKind {
    TRANSIENT, BAD_DATA, ALREADY_APPLIED;

    static FailureKind of(Throwable failure, Set<String> alreadyAppliedConstraints) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedEventException) {
                return BAD_DATA;
            }
            if (cause instanceof SQLException sql) {
                FailureKind kind = ofSql(sql, alreadyAppliedConstraints);
                if (kind != null) {
                    return kind;
                }
            }
        }
        return TRANSIENT;
    }

    private static FailureKind ofSql(SQLException failure, Set<String> alreadyAppliedConstraints) {
        for (SQLException sql = failure; sql != null; sql = sql.getNextException()) {
            String state = sql.getSQLState();
            if (state == null) {
                continue;
            }
            String constraint = state.equals("23505") ? constraintOf(sql) : null;
            if (constraint != null && alreadyAppliedConstraints.contains(constraint)) {
                return ALREADY_APPLIED;
            }
            return state.startsWith("22") || state.startsWith("23") || state.startsWith("54") ? BAD_DATA : TRANSIENT;
        }
        return null;
    }

    private static String constraintOf(SQLException failure) {
        ServerErrorMessage message = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return message == null ? null : message.getConstraint();
    }
}
