package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Instant;
import java.util.Optional;

/**
 * The legal basis of a subscription: its plan's contract model, the terms it was agreed under (for an interest: the
 * terms current when the offer was made), and who accepted them when. Nothing is provisioned under a contract that
 * has terms but no acceptance.
 */
@Embeddable
public record Contract(
        @Enumerated(EnumType.STRING) @Column(name = "contract_model") ContractModel model,
        @Column(name = "terms_version") String termsVersion,
        @Column(name = "terms_url") String termsUrl,
        @Column(name = "terms_sha256") String termsSha256,
        @Column(name = "terms_accepted_by") String acceptedBy,
        @Column(name = "terms_accepted_at") Instant acceptedAt) {

    public static Contract none() {
        return new Contract(ContractModel.NONE, null, null, null, null, null);
    }

    /** Terms accepted when subscribing or concluding. */
    public static Contract accepted(ContractModel model, Terms terms, Acceptance acceptance) {
        return new Contract(model, terms.version(), terms.url(), terms.sha256(), acceptance.acceptedBy(),
                acceptance.acceptedAt());
    }

    /** Terms named, not accepted yet: an interest, or an offer waiting to be concluded. */
    public static Contract pending(ContractModel model, Optional<Terms> terms) {
        return new Contract(model, terms.map(Terms::version).orElse(null), terms.map(Terms::url).orElse(null),
                terms.map(Terms::sha256).orElse(null), null, null);
    }

    public Optional<Terms> terms() {
        return termsVersion == null ? Optional.empty() : Optional.of(new Terms(termsVersion, termsUrl, termsSha256));
    }

    public Optional<Acceptance> acceptance() {
        return acceptedBy == null ? Optional.empty() : Optional.of(new Acceptance(acceptedBy, acceptedAt));
    }

    Contract acceptedBy(Acceptance acceptance) {
        return new Contract(model, termsVersion, termsUrl, termsSha256, acceptance.acceptedBy(),
                acceptance.acceptedAt());
    }
}
