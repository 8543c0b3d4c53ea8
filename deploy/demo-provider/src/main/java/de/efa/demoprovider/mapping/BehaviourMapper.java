package de.efa.demoprovider.mapping;

import de.efa.demoprovider.domain.BrokerBehaviour;
import de.efa.demoprovider.domain.FailingUpdates;

import java.util.Optional;

/** Fault settings between their API shape (milliseconds) and the domain (durations). */
public final class BehaviourMapper {

    private BehaviourMapper() {
    }

    public static BehaviourView toView(BrokerBehaviour behaviour) {
        return new BehaviourView(behaviour.errorRate(), behaviour.slowRate(), behaviour.slowDelay().toMillis(),
                behaviour.provisioningTime().toMillis(), behaviour.failingUpdates()
                .map(failing -> new FailingUpdatesView(failing.serviceId().orElse(null), failing.instanceUsable()))
                .orElse(null));
    }

    public static BrokerBehaviour toDomain(BehaviourView view) {
        return view == null
                ? BrokerBehaviour.of(null, null, null, null, Optional.empty())
                : BrokerBehaviour.of(view.errorRate(), view.slowRate(), view.slowDelayMs(), view.provisioningTimeMs(),
                Optional.ofNullable(view.failingUpdates())
                        .map(failing -> new FailingUpdates.Fields(failing.serviceId(), failing.instanceUsable())));
    }
}
