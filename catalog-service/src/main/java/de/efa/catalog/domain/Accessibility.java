package de.efa.catalog.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the service's accessibility statement (BITV 2.0) is published and how users report barriers. */
@Schema(name = "Accessibility")
public record Accessibility(
        @Schema(description = "URL of the Erklärung zur Barrierefreiheit", example = "https://www.akdb.de/barrierefreiheit")
        String bitvStatement,
        @Schema(description = "How users report barriers", example = "barrierefreiheit@akdb.de")
        String feedbackMechanism) {
}
