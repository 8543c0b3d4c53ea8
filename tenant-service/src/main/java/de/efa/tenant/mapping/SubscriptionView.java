package de.efa.tenant.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.tenant.domain.HistoryEntry;
import de.efa.tenant.domain.RequestedUpdate;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.domain.SubscriptionStatus;
import de.efa.tenant.domain.UpdateFailure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Subscription", description = "A tenant's subscription to a service plan, with its provisioning status and history")
public record SubscriptionView(
        UUID id,
        @Schema(example = "14713000") String ags,
        UUID serviceId,
        @Schema(example = "standard") String planId,
        JsonNode parameters,
        PriceView priceSnapshot,
        @Schema(description = "How the reuse was agreed: the contract model, the terms and who accepted them")
        ContractView contract,
        @Schema(nullable = true, description = "The provider's answer to an interest") OfferView offer,
        @Schema(nullable = true, description = "Why the provider declined the interest") String declineReason,
        SubscriptionStatus status,
        @Schema(nullable = true, description = "The SaaS instance, once provisioned") Instance instance,
        @Schema(nullable = true) String failureReason,
        @Schema(nullable = true, description = "The change waiting for the provider (UPDATE_REQUESTED, UPDATING); "
                + "`planId`, `parameters` and `priceSnapshot` above stay in effect until it is applied")
        RequestedChange requestedUpdate,
        @Schema(nullable = true, description = "Why the latest change failed at the provider; cleared by the next "
                + "change that succeeds") UpdateFailure lastUpdateFailure,
        List<HistoryEntry> history,
        Instant createdAt,
        Instant updatedAt,
        @Schema(nullable = true, description = "The trace id (W3C Trace Context) of the request that created it, by "
                + "which its spans and log lines are found in every service; null for one made outside a request",
                example = "4bf92f3577b34da6a3ce929d0e0e4736", pattern = "^[0-9a-f]{32}$")
        String traceId) {

    @Schema(name = "Instance", description = "The SaaS instance at the provider")
    public record Instance(
            @Schema(example = "0b9f6c1e-6b43-4a8e-9b8f-3f3d2f1b7a55") String instanceId,
            @Schema(example = "http://localhost:8090/dashboard/0b9f6c1e-6b43-4a8e-9b8f-3f3d2f1b7a55") String dashboardUrl) {
    }

    @Schema(name = "RequestedChange", description = "A plan or configuration the provider has been asked to apply")
    public record RequestedChange(
            @Schema(example = "komfort") String planId,
            JsonNode parameters,
            PriceView priceSnapshot,
            ContractView contract) {

        static RequestedChange of(RequestedUpdate update, ObjectMapper json) {
            return new RequestedChange(update.planId(), parse(update.parametersJson(), json),
                    PriceView.of(update.price()), ContractView.of(update.contract()));
        }
    }

    public static SubscriptionView of(Subscription subscription, ObjectMapper json) {
        Instance instance = subscription.instanceId() == null ? null
                : new Instance(subscription.instanceId(), subscription.dashboardUrl());
        return new SubscriptionView(subscription.id(), subscription.ags().value(), subscription.serviceId(),
                subscription.planId(), parse(subscription.parametersJson(), json), PriceView.of(subscription.price()),
                ContractView.of(subscription.contract()), subscription.offer().map(OfferView::of).orElse(null),
                subscription.declineReason().orElse(null), subscription.status(), instance,
                subscription.failureReason(),
                subscription.requestedUpdate().map(update -> RequestedChange.of(update, json)).orElse(null),
                subscription.lastUpdateFailure().orElse(null), List.copyOf(subscription.history()),
                subscription.createdAt(), subscription.updatedAt(), subscription.traceId().orElse(null));
    }

    private static JsonNode parse(String stored, ObjectMapper json) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored parameters are not JSON", e);
        }
    }
}
