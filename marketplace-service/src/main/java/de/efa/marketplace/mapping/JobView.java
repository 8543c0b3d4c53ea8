package de.efa.marketplace.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.JobStep;
import de.efa.marketplace.domain.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A provisioning job; {@code attempts} only in the answer for one job. */
@Schema(name = "ProvisioningJob", description = "A provisioning job; the single-job answer adds every broker call")
public record JobView(
        @Schema(description = "The ce_id of the request event the job was made for; results carry it as jobId")
        UUID id,
        UUID subscriptionId,
        @Schema(example = "14713000") String ags,
        UUID serviceId,
        @Schema(description = "The plan the instance has, or gets: for an UPDATE the target plan", example = "standard")
        String planId,
        @Schema(nullable = true, description = "For an UPDATE the plan in effect before it; null otherwise",
                example = "basis")
        String previousPlanId,
        @Schema(description = "The OSB instance id; the subscription id") UUID instanceId,
        Operation operation,
        JobStatus status,
        @Schema(description = "Where the conversation with the broker stands") JobStep step,
        @Schema(nullable = true, example = "http://localhost:8090/dashboard/0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b")
        String dashboardUrl,
        @Schema(nullable = true, example = "the broker refused the request with 409") String failureReason,
        @Schema(nullable = true, description = "What a failure means beyond its reason, where the result depends on "
                + "it: INSTANCE_UNUSABLE (an update the broker said left the instance unusable), INSTANCE_USABLE "
                + "(an update the broker refused or reported failed, not saying the instance is unusable), "
                + "NOT_OFFERED (the broker's catalog does not offer what the job asks, so it was not asked), "
                + "NOT_ALLOWED (the broker URL is refused by the production policy, so it was not called), "
                + "ORPHAN_LEFT (orphan mitigation gave up: an instance may be left at the broker); null otherwise")
        FailureKind failureKind,
        Instant requestedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(nullable = true, description = "The trace id (W3C Trace Context) the job was created under: that of "
                + "the request which asked for it, continued by its broker calls and results; null for older jobs",
                example = "4bf92f3577b34da6a3ce929d0e0e4736", pattern = "^[0-9a-f]{32}$")
        String traceId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in the answer for one job") List<AttemptView> attempts) {

    @Schema(name = "Attempt", description = "One call to the provider's broker")
    public record AttemptView(
            Instant at,
            @Schema(example = "PROVISION") String action,
            @Schema(nullable = true, description = "The X-Broker-API-Request-Identity the call was sent with, by "
                    + "which the broker's logs find it; null for calls made before it was sent",
                    example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a")
            UUID requestIdentity,
            @Schema(example = "PUT http://localhost:8090/v2/service_instances/0b9f2c5e-8a43-4d5e-9a2f-1c2d3e4f5a6b?accepts_incomplete=true")
            String request,
            @Schema(nullable = true) String requestBody,
            @Schema(nullable = true, description = "HTTP status; null when no answer came", example = "202")
            Integer status,
            @Schema(nullable = true, example = "{\"operation\":\"provision-1\"}") String answer,
            @Schema(example = "42") long durationMs,
            @Schema(nullable = true, description = "What the marketplace set aside of the answer and why; null for "
                    + "nothing", example = "dashboard_url not kept: it is not an absolute https URL")
            String note) {
    }
}
