package de.efa.tenant.repository;

import de.efa.tenant.domain.CatalogPlan;
import de.efa.tenant.domain.CatalogService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import java.util.Optional;
import java.util.UUID;

/**
 * The local copy of the catalog topic. Records are written with native upserts keyed by the service's
 * {@code version}, so a replayed or out-of-order older record never overwrites a newer one.
 */
@ApplicationScoped
public class CatalogRepository {

    private final EntityManager entityManager;

    public CatalogRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<CatalogService> findService(UUID id) {
        return Optional.ofNullable(entityManager.find(CatalogService.class, id));
    }

    public Optional<CatalogPlan> findPlan(UUID serviceId, String planId) {
        return Optional.ofNullable(entityManager.find(CatalogPlan.class, new CatalogPlan.Key(serviceId, planId)));
    }

    /** @return true when the record was newer than the copy (or the first), false when it was stale */
    public boolean upsertService(CatalogRecord record) {
        int changed = entityManager.createNativeQuery("""
                INSERT INTO catalog_service (id, slug, name, provider_id, status, available_in, broker_url, version, received_at)
                VALUES (:id, :slug, :name, :providerId, :status, string_to_array(:availableIn, ','), :brokerUrl, :version, now())
                ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, name = EXCLUDED.name,
                    provider_id = EXCLUDED.provider_id, status = EXCLUDED.status, available_in = EXCLUDED.available_in,
                    broker_url = EXCLUDED.broker_url, version = EXCLUDED.version, received_at = EXCLUDED.received_at
                WHERE catalog_service.version < EXCLUDED.version
                """)
                .setParameter("id", record.id())
                .setParameter("slug", record.slug())
                .setParameter("name", record.name())
                .setParameter("providerId", record.providerId())
                .setParameter("status", record.status())
                .setParameter("availableIn", String.join(",", record.availableIn()))
                .setParameter("brokerUrl", nullableText(record.brokerUrl()))
                .setParameter("version", record.version())
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        entityManager.createNativeQuery("DELETE FROM catalog_plan WHERE service_id = :id")
                .setParameter("id", record.id()).executeUpdate();
        for (CatalogRecord.Plan plan : record.plans()) {
            entityManager.createNativeQuery("""
                    INSERT INTO catalog_plan (service_id, plan_id, name, setup_fee_cents, annual_base_cents,
                        annual_per_inhabitant_cents, parameters_schema, contract_model, terms_version, terms_url,
                        terms_sha256, updatable)
                    VALUES (:serviceId, :planId, :name, :setupFee, :annualBase, :perInhabitant, CAST(:schema AS jsonb),
                        :contractModel, :termsVersion, :termsUrl, :termsSha256, :updatable)
                    """)
                    .setParameter("serviceId", record.id())
                    .setParameter("planId", plan.id())
                    .setParameter("name", plan.name())
                    .setParameter("setupFee", plan.setupFeeCents())
                    .setParameter("annualBase", plan.annualBaseCents())
                    .setParameter("perInhabitant", plan.annualPerInhabitantCents())
                    .setParameter("schema", nullableText(plan.parametersSchema()))
                    .setParameter("contractModel", plan.contractModel().name())
                    .setParameter("termsVersion", nullableText(plan.terms() == null ? null : plan.terms().version()))
                    .setParameter("termsUrl", nullableText(plan.terms() == null ? null : plan.terms().url()))
                    .setParameter("termsSha256", nullableText(plan.terms() == null ? null : plan.terms().sha256()))
                    .setParameter("updatable", plan.updatable())
                    .executeUpdate();
        }
        return true;
    }

    /** Typed, so that PostgreSQL knows the type of a parameter that is null. */
    private static TypedParameterValue<String> nullableText(String value) {
        return new TypedParameterValue<>(StandardBasicTypes.STRING, value);
    }

    /** A tombstone on the compacted topic: the service is gone from the catalog. */
    public void deleteService(UUID id) {
        entityManager.createNativeQuery("DELETE FROM catalog_service WHERE id = :id").setParameter("id", id)
                .executeUpdate();
    }
}
