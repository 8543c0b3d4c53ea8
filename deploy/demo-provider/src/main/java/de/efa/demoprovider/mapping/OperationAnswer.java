package de.efa.demoprovider.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OSB answer to an accepted deprovisioning: the operation to poll. */
@Schema(name = "DeprovisionResponse")
public record OperationAnswer(@Schema(example = "3f0c8b2a-5e1d-4c7a-9b6e-1a2b3c4d5e6f") String operation) {
}
