package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.InstanceId;

import java.util.UUID;

/** How a provisioning request ended: still running (OSB 202) or the instance is already there (OSB 200). */
public sealed interface ProvisionOutcome {

    InstanceId instanceId();

    record InProgress(InstanceId instanceId, UUID operation) implements ProvisionOutcome {
    }

    record AlreadyProvisioned(InstanceId instanceId) implements ProvisionOutcome {
    }
}
