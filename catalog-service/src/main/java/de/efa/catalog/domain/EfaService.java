package de.efa.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An EfA online service that a provider offers for reuse, with its plans. Its content changes only as a whole
 * ({@link #replace}) and its status only by {@link LifecycleStep}s; every change raises {@code version}.
 */
@Entity
@Table(name = "efa_service")
public class EfaService {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String summary;
    private String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> keywords;
    @Column(name = "provider_id")
    private String providerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "leika_keys")
    private List<String> leikaKeys;
    @Column(name = "ozg_id")
    private String ozgId;
    private String themenfeld;
    @Column(name = "lead_land")
    private String leadLand;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "available_in")
    private List<String> availableIn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reuse_models")
    private List<String> reuseModels;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> languages;
    @Column(name = "bitv_statement")
    private String bitvStatement;
    @Column(name = "feedback_mechanism")
    private String feedbackMechanism;
    /** The plans as JSON text ({@link PlansJson}), validated before they get here. */
    private String plans;
    @Column(name = "plan_count")
    private int planCount;
    @Enumerated(EnumType.STRING)
    private ServiceStatus status;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected EfaService() {
    }

    public static EfaService draft(String providerId, ServiceDefinition definition, Instant now) {
        EfaService service = new EfaService();
        service.id = UUID.randomUUID();
        service.providerId = providerId;
        service.status = ServiceStatus.DRAFT;
        service.version = 1;
        service.createdAt = now;
        service.replace(definition, now);
        return service;
    }

    public boolean isEditable() {
        return status == ServiceStatus.DRAFT || status == ServiceStatus.PUBLISHED;
    }

    public void replace(ServiceDefinition definition, Instant now) {
        slug = definition.slug().value();
        name = definition.name();
        summary = definition.summary();
        description = definition.description();
        keywords = List.copyOf(definition.keywords());
        leikaKeys = definition.leikaKeys().stream().map(LeikaKey::value).toList();
        ozgId = definition.ozgId() == null ? null : definition.ozgId().value();
        themenfeld = definition.themenfeld().code();
        leadLand = definition.leadLand() == null ? null : definition.leadLand().value();
        availableIn = definition.availableIn().stream().map(LandCode::value).toList();
        reuseModels = definition.reuseModels().stream().map(Enum::name).toList();
        languages = definition.languages().stream().map(LanguageCode::value).toList();
        bitvStatement = definition.accessibility() == null ? null : definition.accessibility().bitvStatement();
        feedbackMechanism = definition.accessibility() == null ? null : definition.accessibility().feedbackMechanism();
        plans = PlansJson.of(definition.plans());
        planCount = definition.plans().size();
        updatedAt = now;
    }

    /** Takes the step if the service stands where the step starts; answers whether it did. */
    public boolean take(LifecycleStep step, Instant now) {
        if (status != step.from()) {
            return false;
        }
        status = step.to();
        updatedAt = now;
        return true;
    }

    /** Marks the service changed without changing its content, when something it is published with changed. */
    public void touch(Instant now) {
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    public String description() {
        return description;
    }

    public List<String> keywords() {
        return keywords;
    }

    public String providerId() {
        return providerId;
    }

    public List<String> leikaKeys() {
        return leikaKeys;
    }

    public String ozgId() {
        return ozgId;
    }

    public String themenfeld() {
        return themenfeld;
    }

    public String leadLand() {
        return leadLand;
    }

    public List<String> availableIn() {
        return availableIn;
    }

    public List<String> reuseModels() {
        return reuseModels;
    }

    public List<String> languages() {
        return languages;
    }

    public Optional<Accessibility> accessibility() {
        return bitvStatement == null && feedbackMechanism == null
                ? Optional.empty()
                : Optional.of(new Accessibility(bitvStatement, feedbackMechanism));
    }

    /** The plans as JSON text: an array of {@link Plan}. */
    public String plansJson() {
        return plans;
    }

    public boolean hasPlans() {
        return planCount > 0;
    }

    public ServiceStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public ServiceRef ref() {
        return new ServiceRef(id, version);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
