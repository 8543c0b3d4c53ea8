package de.efa.demoprovider.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * OSB answer to a deprovisioning or an update: while it runs, the operation to poll; an update with nothing to do
 * answers an empty object.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "OperationResponse")
public record OperationAnswer(@Schema(description = "Present while the operation runs (202)",
        example = "3f0c8b2a-5e1d-4c7a-9b6e-1a2b3c4d5e6f") String operation) {
}
