package de.efa.tenant.repository;

import de.efa.tenant.domain.ContractModel;
import de.efa.tenant.domain.Terms;

import java.util.List;
import java.util.UUID;

/** What the local catalog copy stores of one record of the catalog topic. */
public record CatalogRecord(UUID id, String slug, String name, String providerId, String status,
        List<String> availableIn, String brokerUrl, long version, List<Plan> plans) {

    /** {@code terms} is null for a plan without a contract. */
    public record Plan(String id, String name, long setupFeeCents, long annualBaseCents,
            long annualPerInhabitantCents, String parametersSchema, ContractModel contractModel, Terms terms,
            boolean updatable) {
    }
}
