package de.efa.marketplace.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.marketplace.domain.FindingKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Finding", description = "Where what the marketplace believes of an instance and what its broker holds "
        + "part, with the evidence; open until an operator resolves it, or (SUSPENSION_NOT_CONFIRMED) until a SUSPEND "
        + "job of its subscription succeeds, which resolves it in the name of marketplace-service")
public record FindingView(
        UUID id,
        FindingKind kind,
        @Schema(description = "The subscription; also the OSB instance id") UUID subscriptionId,
        @Schema(nullable = true, example = "http://localhost:8090") String brokerUrl,
        @Schema(description = "What was believed (`believed`) and what the broker answered (`broker`: request, "
                + "requestIdentity, status, answer; null where no call was made); a job's finding adds jobId and "
                + "reason, a reconciliation's reconciliationId",
                example = """
                        {"believed":{"planId":"standard","suspended":false},"broker":{"request":\
                        "GET http://localhost:8090/v2/service_instances/0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b",\
                        "requestIdentity":"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a","status":200,\
                        "answer":{"service_id":"5d1c7e2a-3b4c-4d5e-8f9a-0b1c2d3e4f5a","plan_id":"premium"}}}""")
        JsonNode evidence,
        Instant detectedAt,
        @Schema(nullable = true) Instant resolvedAt,
        @Schema(nullable = true, example = "operator 3f2a…") String resolvedBy,
        @Schema(nullable = true, example = "Plan changed at the provider on request of the municipality; updated "
                + "here by a new subscription change") String note) {
}
