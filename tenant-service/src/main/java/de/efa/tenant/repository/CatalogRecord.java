package de.efa.tenant.repository;

import java.util.List;
import java.util.UUID;

/** What the local catalog copy stores of one record of the catalog topic. */
public record CatalogRecord(UUID id, String slug, String name, String providerId, String status,
        List<String> availableIn, String brokerUrl, long version, List<Plan> plans) {

    public record Plan(String id, String name, long setupFeeCents, long annualBaseCents,
            long annualPerInhabitantCents, String parametersSchema) {
    }
}
