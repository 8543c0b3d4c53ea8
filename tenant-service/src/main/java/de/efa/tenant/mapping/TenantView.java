package de.efa.tenant.mapping;

import de.efa.tenant.domain.Ars;
import de.efa.tenant.domain.LeitwegId;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.domain.TenantKind;
import de.efa.tenant.domain.TenantStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Tenant", description = "A registered municipality or Landkreis")
public record TenantView(
        @Schema(example = "14713000") String ags,
        @Schema(example = "Leipzig, Stadt") String name,
        TenantKind kind,
        LandView land,
        @Schema(example = "611850") long population,
        @Schema(nullable = true, description = "None for a tenant imported from the municipality directory",
                example = "onlinedienste@leipzig.example") String contactEmail,
        @Schema(nullable = true, example = "147130000000") String ars,
        @Schema(nullable = true, example = "14713000-LEIPZIG-85") String leitwegId,
        TenantStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(tenant.ags().value(), tenant.name(), tenant.kind(), LandView.of(tenant.ags().land()),
                tenant.population(), tenant.contactEmail().orElse(null), tenant.ars().map(Ars::value).orElse(null),
                tenant.leitwegId().map(LeitwegId::value).orElse(null), tenant.status(), tenant.createdAt(),
                tenant.updatedAt());
    }
}
