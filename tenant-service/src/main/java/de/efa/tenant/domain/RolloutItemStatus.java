package de.efa.tenant.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where one tenant of a rollout stands (docs/state-machines.md): PENDING until the worker handled it, then SKIPPED
 * (it could not subscribe, or the worker gave up on it), INTEREST_DECLARED (an Interessenbekundung, which is all a
 * rollout does for a plan with INTEREST) or SUBSCRIBED; SUBSCRIBED ends ACTIVE or FAILED with the subscription's
 * first provisioning.
 */
public enum RolloutItemStatus {
    PENDING, SUBSCRIBED, ACTIVE, INTEREST_DECLARED, FAILED, SKIPPED;

    private static final Set<RolloutItemStatus> FINAL = EnumSet.of(ACTIVE, INTEREST_DECLARED, FAILED, SKIPPED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }
}
