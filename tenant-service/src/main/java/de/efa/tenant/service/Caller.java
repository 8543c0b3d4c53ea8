package de.efa.tenant.service;

import de.efa.tenant.domain.Ags;
import de.efa.tenant.rest.problem.ProblemException;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the bearer token says: the roles and, for municipality staff, the AGS of their own
 * municipality. Scope rules ("only your own AGS") are checked against it in the services.
 */
public record Caller(String name, Set<String> roles, Optional<String> ags) {

    public static final String MUNICIPALITY = "municipality";
    public static final String OPERATOR = "operator";

    public boolean isOperator() {
        return roles.contains(OPERATOR);
    }

    /** Operators act for every tenant; municipality staff only for the municipality in their token. */
    public boolean mayActFor(Ags tenant) {
        return isOperator() || isStaffOf(tenant);
    }

    public boolean isStaffOf(Ags tenant) {
        return roles.contains(MUNICIPALITY) && ags.filter(tenant.value()::equals).isPresent();
    }

    public void requireActingFor(Ags tenant) {
        if (!mayActFor(tenant)) {
            throw ProblemException.forbidden("You may act only for your own municipality");
        }
    }

    /** How the history names the one who asked: operators by name, municipality staff by their AGS. */
    public String describe() {
        return isOperator() ? "operator " + name : "municipality " + ags.orElse(name);
    }
}
