package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MandateRequest", description = "The bundler that gets the mandate")
public record MandateRequest(@Schema(required = true, example = "kisa") String bundlerId) {
}
