package de.efa.catalog.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The terms of a plan's contract: which version, where its text is published, and the digest of that text. */
@Schema(name = "Terms", description = "The terms a municipality accepts: the version it names, the URL of their text "
        + "and the SHA-256 of exactly that text")
public record Terms(
        @Schema(implementation = String.class, required = true, minLength = 1, maxLength = 50, example = "2026-01")
        TermsVersion version,
        @Schema(implementation = String.class, format = "uri", required = true,
                example = "https://www.akdb.de/nutzungsbedingungen/fuehrerschein-2026-01.html")
        TermsUrl url,
        @Schema(implementation = String.class, required = true, pattern = "^[0-9a-f]{64}$",
                example = "9f2c6a4f0f8e4e0b4d3f1c2b5a6978e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6")
        Sha256 sha256) {
}
