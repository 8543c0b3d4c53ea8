package de.efa.portal.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One entry of a service's audit trail: who ({@code actor}, a token's subject or a part of the system, in its role,
 * maybe for another, {@code onBehalfOf}) changed what ({@code target}, {@code type:id}) when, how ({@code action}) and
 * to what ({@code outcome}).
 */
public record AuditEntry(String id, Instant at, String actor, String actorRole, String onBehalfOf, String action,
                         String target, String outcome, JsonNode details) {

    /** An entry recorded without details has them as JSON null, which is no detail to show. */
    public boolean hasDetails() {
        return details != null && !details.isNull();
    }
}
