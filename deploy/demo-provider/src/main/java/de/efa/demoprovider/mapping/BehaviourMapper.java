package de.efa.demoprovider.mapping;

import de.efa.demoprovider.domain.BrokerBehaviour;

/** Fault settings between their API shape (milliseconds) and the domain (durations). */
public final class BehaviourMapper {

    private BehaviourMapper() {
    }

    public static BehaviourView toView(BrokerBehaviour behaviour) {
        return new BehaviourView(behaviour.errorRate(), behaviour.slowRate(), behaviour.slowDelay().toMillis(),
                behaviour.provisioningTime().toMillis());
    }

    public static BrokerBehaviour toDomain(BehaviourView view) {
        return view == null
                ? BrokerBehaviour.of(null, null, null, null)
                : BrokerBehaviour.of(view.errorRate(), view.slowRate(), view.slowDelayMs(), view.provisioningTimeMs());
    }
}
