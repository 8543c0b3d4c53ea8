package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BundlerRegistration", description = "A bundling organisation to register")
public record BundlerRegistration(
        @Schema(required = true, example = "kisa", description = "Slug; the `bundler_id` claim of its staff") String id,
        @Schema(required = true, example = "KISA – Zweckverband Kommunale Informationsverarbeitung Sachsen")
        String name,
        @Schema(required = true, example = "service@kisa.example") String contactEmail) {
}
