package de.efa.tenant.service;

import de.efa.platform.problem.ProblemException;
import de.efa.platform.security.Caller;
import de.efa.tenant.domain.Ags;

/** Whose tenants a caller may act for: an operator acts for every tenant, municipality staff only for their AGS. */
final class TenantScope {

    private TenantScope() {
    }

    static boolean mayActFor(Caller caller, Ags tenant) {
        return caller.isOperator() || isStaffOf(caller, tenant);
    }

    static boolean isStaffOf(Caller caller, Ags tenant) {
        return caller.isStaffOf(tenant.value());
    }

    /** Answers 403 unless the caller may act for the tenant. */
    static void requireActingFor(Caller caller, Ags tenant) {
        if (!mayActFor(caller, tenant)) {
            throw ProblemException.forbidden("You may act only for your own municipality");
        }
    }
}
