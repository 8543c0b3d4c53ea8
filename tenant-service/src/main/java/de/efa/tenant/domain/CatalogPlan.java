package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/** A plan of a catalog service: its price list and the JSON Schema a subscription's parameters must satisfy. */
@Entity
@Table(name = "catalog_plan")
public class CatalogPlan {

    @EmbeddedId
    private Key key;

    @Column(name = "setup_fee_cents")
    private long setupFeeCents;

    @Column(name = "annual_base_cents")
    private long annualBaseCents;

    @Column(name = "annual_per_inhabitant_cents")
    private long annualPerInhabitantCents;

    @Column(name = "parameters_schema")
    private String parametersSchema;

    protected CatalogPlan() {
    }

    public Pricing pricing() {
        return new Pricing(setupFeeCents, annualBaseCents, annualPerInhabitantCents);
    }

    /** The JSON Schema text, absent when the plan takes no configuration. */
    public Optional<String> parametersSchema() {
        return Optional.ofNullable(parametersSchema);
    }

    public String planId() {
        return key.planId;
    }

    @Embeddable
    public record Key(@Column(name = "service_id") UUID serviceId, @Column(name = "plan_id") String planId)
            implements Serializable {
    }
}
