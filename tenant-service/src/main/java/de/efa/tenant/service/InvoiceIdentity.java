package de.efa.tenant.service;

import de.efa.platform.problem.Violations;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.Ars;
import de.efa.tenant.domain.LeitwegId;

import java.util.Optional;

/** The ARS and Leitweg-ID of a request, each read and checked once; what is wrong is added to the violations. */
record InvoiceIdentity(Optional<Ars> ars, Optional<LeitwegId> leitwegId) {

    static InvoiceIdentity read(Ags ags, String rawArs, String rawLeitwegId, Violations violations) {
        Optional<Ars> ars = present(rawArs).map(value -> violations.parse("ars", () -> checked(Ars.of(value), ags)));
        Optional<LeitwegId> leitwegId = present(rawLeitwegId)
                .map(value -> violations.parse("leitwegId", () -> LeitwegId.of(value)));
        return new InvoiceIdentity(ars, leitwegId);
    }

    private static Ars checked(Ars ars, Ags ags) {
        if (ags != null) {
            ars.requireBelongsTo(ags);
        }
        return ars;
    }

    private static Optional<String> present(String raw) {
        return Optional.ofNullable(raw).filter(value -> !value.isBlank());
    }
}
