package de.efa.tenant.mapping;

import de.efa.tenant.domain.Bundler;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "Bundler", description = "A bundling organisation that orders for municipalities with a mandate")
public record BundlerView(
        @Schema(example = "kisa") String id,
        @Schema(example = "KISA – Zweckverband Kommunale Informationsverarbeitung Sachsen") String name,
        @Schema(example = "service@kisa.example") String contactEmail,
        Instant createdAt) {

    public static BundlerView of(Bundler bundler) {
        return new BundlerView(bundler.id(), bundler.name(), bundler.contactEmail(), bundler.createdAt());
    }
}
