package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * A plan of a catalog service: its price list, the JSON Schema a subscription's parameters must satisfy, how its
 * reuse is agreed (contract model and current terms), and whether a subscription may leave it for another plan.
 */
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

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_model")
    private ContractModel contractModel;

    @Column(name = "terms_version")
    private String termsVersion;

    @Column(name = "terms_url")
    private String termsUrl;

    @Column(name = "terms_sha256")
    private String termsSha256;

    private boolean updatable;

    protected CatalogPlan() {
    }

    public Pricing pricing() {
        return new Pricing(setupFeeCents, annualBaseCents, annualPerInhabitantCents);
    }

    /** The JSON Schema text, absent when the plan takes no configuration. */
    public Optional<String> parametersSchema() {
        return Optional.ofNullable(parametersSchema);
    }

    public ContractModel contractModel() {
        return contractModel == null ? ContractModel.NONE : contractModel;
    }

    /** The current terms of a plan with a contract. */
    public Optional<Terms> terms() {
        return termsVersion == null ? Optional.empty() : Optional.of(new Terms(termsVersion, termsUrl, termsSha256));
    }

    /** Whether a subscription to this plan may change to another plan (OSB {@code plan_updateable}). */
    public boolean isUpdatable() {
        return updatable;
    }

    public String planId() {
        return key.planId;
    }

    @Embeddable
    public record Key(@Column(name = "service_id") UUID serviceId, @Column(name = "plan_id") String planId)
            implements Serializable {
    }
}
