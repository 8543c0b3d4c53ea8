package de.efa.tenant.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ImportReport", description = "What an import of the municipality directory registered")
public record ImportReport(
        @Schema(description = "Tenants registered by this import, ACTIVE", example = "10750") int created,
        @Schema(description = "Good lines whose AGS was a tenant already; nothing of them changed", example = "0")
        int existing,
        @Schema(description = "The lines that were not imported, in the file's order") List<RejectedLine> rejected) {

    @Schema(name = "RejectedLine", description = "A line of the file that was not imported, and why")
    public record RejectedLine(
            @Schema(description = "Its number in the file; the header is line 1", example = "7") int line,
            @Schema(description = "Everything wrong with it, separated by semicolons",
                    example = "ags '1234' must be 8 digits") String reason) {
    }
}
