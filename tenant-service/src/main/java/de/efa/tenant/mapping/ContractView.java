package de.efa.tenant.mapping;

import de.efa.tenant.domain.Contract;
import de.efa.tenant.domain.ContractModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "SubscriptionContract", description = "The legal basis of a subscription")
public record ContractView(
        ContractModel model,
        @Schema(nullable = true, description = "The terms agreed (for an interest: those of the offer)")
        TermsView terms,
        @Schema(nullable = true, example = "municipality 14713000") String acceptedBy,
        @Schema(nullable = true) Instant acceptedAt) {

    @Schema(name = "Terms", description = "A version of a provider's terms of use")
    public record TermsView(
            @Schema(example = "2026-01") String version,
            @Schema(example = "https://www.akdb.example/nutzungsbedingungen/2026-01.html") String url,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256) {
    }

    static ContractView of(Contract contract) {
        return new ContractView(contract.model(),
                contract.terms().map(t -> new TermsView(t.version(), t.url(), t.sha256())).orElse(null),
                contract.acceptance().map(a -> a.acceptedBy()).orElse(null),
                contract.acceptance().map(a -> a.acceptedAt()).orElse(null));
    }
}
