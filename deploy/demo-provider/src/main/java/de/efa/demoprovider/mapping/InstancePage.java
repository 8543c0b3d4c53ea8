package de.efa.demoprovider.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of the listing, in the list shape every EfA service uses. */
@Schema(name = "InstancePage")
public record InstancePage(List<InstanceView> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                           @Schema(example = "1") long total) {
}
