package de.efa.demoprovider.service;

import de.efa.demoprovider.domain.InstanceId;

import java.util.UUID;

/**
 * How a provisioning or update request ended: an operation is running (OSB 202), or there is nothing left to do,
 * because the instance is already provisioned or already as the update asks (OSB 200).
 */
public sealed interface OperationOutcome {

    InstanceId instanceId();

    record InProgress(InstanceId instanceId, UUID operation) implements OperationOutcome {
    }

    record Done(InstanceId instanceId) implements OperationOutcome {
    }
}
