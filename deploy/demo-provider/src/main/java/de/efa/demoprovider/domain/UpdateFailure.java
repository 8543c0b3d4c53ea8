package de.efa.demoprovider.domain;

import java.util.Optional;

/**
 * Why an update will fail and whether the instance stays usable, decided when the update starts (like a
 * provisioning's planned failure), so that a restart or a later change of behaviour does not change the outcome.
 */
public record UpdateFailure(String description, boolean instanceUsable) {

    /**
     * A change to a plan whose id ends in {@code -fails} fails, as provisioning one does; otherwise the behaviour
     * in force decides.
     */
    static Optional<UpdateFailure> plannedFor(UpdateTarget target, Optional<FailingUpdates> failingUpdates) {
        if (target.planId().endsWith(InstanceRequest.FAILING_PLAN_SUFFIX)) {
            return Optional.of(new UpdateFailure("The demo provider refused to change this instance to plan '"
                    + target.planId() + "': it ends in '" + InstanceRequest.FAILING_PLAN_SUFFIX + "', which this"
                    + " provider always fails on purpose; the instance keeps its plan and parameters.", true));
        }
        return failingUpdates.map(failing -> new UpdateFailure("The demo provider failed this update on purpose"
                + " (fault injection); the instance keeps its plan and parameters"
                + (failing.instanceUsable() ? "." : " but cannot be used until another update repairs it."),
                failing.instanceUsable()));
    }
}
