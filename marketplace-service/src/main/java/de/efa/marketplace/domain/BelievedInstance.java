package de.efa.marketplace.domain;

import java.util.UUID;

/**
 * What the marketplace believes of a live subscription's instance, from the last job of the subscription that
 * succeeded: the plan it applied, and whether it suspended the instance. {@code brokerUrl} is where the service's
 * broker is now (null when none is known), {@code providerId} the provider whose broker it is.
 */
public record BelievedInstance(UUID subscriptionId, UUID instanceId, UUID serviceId, String planId,
                               boolean suspended, String brokerUrl, String providerId) {

    public Broker broker() {
        return new Broker(providerId, brokerUrl);
    }
}
