package de.efa.demoprovider.service;

import de.efa.demoprovider.config.DemoProviderConfig;
import de.efa.demoprovider.domain.BrokerBehaviour;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The behaviour in force: starts from configuration and can be changed at run time by an operator, so that fault
 * tests and the chaos benchmark switch faults on and off without restarting the provider. Not persisted: a restart
 * goes back to the configuration.
 */
@ApplicationScoped
public class BehaviourSettings {

    private final BrokerBehaviour configured;
    private final AtomicReference<BrokerBehaviour> current;

    public BehaviourSettings(DemoProviderConfig config) {
        configured = new BrokerBehaviour(config.faults().errorRate(), config.faults().slowRate(),
                config.faults().slowDelay(), config.provisioningTime(), Optional.empty());
        current = new AtomicReference<>(configured);
    }

    public BrokerBehaviour current() {
        return current.get();
    }

    public BrokerBehaviour replace(BrokerBehaviour behaviour) {
        current.set(behaviour);
        return behaviour;
    }

    public BrokerBehaviour reset() {
        return replace(configured);
    }
}
