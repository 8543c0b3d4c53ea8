package de.efa.catalog.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a municipality must do before a plan is provisioned for it, and the terms it then accepts. */
@Schema(name = "Contract", description = "The contract model of a plan; terms for TERMS and INTEREST, null for NONE")
public record Contract(
        @Schema(required = true, example = "TERMS") ContractModel model,
        @Schema(nullable = true) Terms terms) {

    /** A plan of version 1, which said nothing about a contract. */
    public static final Contract NONE = new Contract(ContractModel.NONE, null);

    public Contract {
        if (model == null) {
            throw new InvalidValueException("is required");
        }
        model.requireTerms(terms != null);
    }
}
