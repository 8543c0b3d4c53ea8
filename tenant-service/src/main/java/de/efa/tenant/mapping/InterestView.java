package de.efa.tenant.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.tenant.service.Interest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An interest in the provider's inbox: the subscription and who declared it. */
@Schema(name = "Interest", description = "An Interessenbekundung in one of the provider's services")
public record InterestView(
        @Schema(example = "Leipzig, Stadt") String tenantName,
        @Schema(nullable = true, example = "14713000-LEIPZIG-85") String leitwegId,
        SubscriptionView subscription) {

    public static InterestView of(Interest interest, ObjectMapper json) {
        return new InterestView(interest.tenant().name(),
                interest.tenant().leitwegId().map(Object::toString).orElse(null),
                SubscriptionView.of(interest.subscription(), json));
    }
}
