package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/**
 * A municipality or Landkreis registered at the marketplace, identified by its AGS, with its invoice identity: the
 * ARS (which must contain the AGS) and the Leitweg-ID that a contract's invoices go to. {@code version} is its ETag.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    /**
     * More inhabitants than Germany has: a larger figure is a typo, and prices per inhabitant of such figures would
     * overflow what a price can hold.
     */
    public static final long MAX_POPULATION = 100_000_000L;

    @Id
    @Column(name = "ags")
    private String ags;

    private String name;

    @Enumerated(EnumType.STRING)
    private TenantKind kind;

    private long population;

    @Column(name = "contact_email")
    private String contactEmail;

    private String ars;

    @Column(name = "leitweg_id")
    private String leitwegId;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    private TenantStatus status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Tenant() {
    }

    private Tenant(Ags ags, String name, TenantKind kind, long population, ContactEmail contactEmail, TenantStatus status,
            Instant now) {
        kind.checkKey(ags);
        if (!isPopulation(population)) {
            throw new IllegalArgumentException("population must be from 0 to " + MAX_POPULATION);
        }
        this.ags = ags.value();
        this.name = name;
        this.kind = kind;
        this.population = population;
        this.contactEmail = contactEmail == null ? null : contactEmail.value();
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Whether this is a number of inhabitants a tenant can have. */
    public static boolean isPopulation(long population) {
        return population >= 0 && population <= MAX_POPULATION;
    }

    /** A newly registered tenant waits for an operator's approval. */
    public static Tenant register(Ags ags, String name, TenantKind kind, long population, ContactEmail contactEmail,
            Instant now) {
        return new Tenant(ags, name, kind, population, contactEmail, TenantStatus.PENDING, now);
    }

    /**
     * A municipality of the official directory, imported by an operator: real by its source, so ACTIVE at once, but
     * without a contact address until someone gives one. A name ending in ", Stadt" makes it a STADT.
     */
    public static Tenant imported(Ags ags, String name, long population, Instant now) {
        TenantKind kind = name.endsWith(", Stadt") ? TenantKind.STADT : TenantKind.GEMEINDE;
        return new Tenant(ags, name, kind, population, null, TenantStatus.ACTIVE, now);
    }

    /** A tenant known to be real already, such as the demo municipalities. */
    public static Tenant active(Ags ags, String name, TenantKind kind, long population, ContactEmail contactEmail,
            Instant now) {
        return new Tenant(ags, name, kind, population, contactEmail, TenantStatus.ACTIVE, now);
    }

    /**
     * Sets the invoice identity; both parts are optional, and an absent one is cleared.
     *
     * @throws IllegalArgumentException when the ARS is not of this tenant's AGS
     */
    public void changeInvoiceAddress(Optional<Ars> newArs, Optional<LeitwegId> newLeitwegId, Instant now) {
        newArs.ifPresent(value -> value.requireBelongsTo(ags()));
        ars = newArs.map(Ars::value).orElse(null);
        leitwegId = newLeitwegId.map(LeitwegId::value).orElse(null);
        updatedAt = now;
    }

    public void approve(Instant now) {
        move(TenantStatus.PENDING, TenantStatus.ACTIVE, now);
    }

    public void suspend(Instant now) {
        move(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, now);
    }

    public void reactivate(Instant now) {
        move(TenantStatus.SUSPENDED, TenantStatus.ACTIVE, now);
    }

    private void move(TenantStatus from, TenantStatus to, Instant now) {
        if (status != from) {
            throw new StatusTransitionException("Tenant " + ags + " is " + status + "; only a " + from
                    + " tenant can become " + to);
        }
        status = to;
        updatedAt = now;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    public boolean isSuspended() {
        return status == TenantStatus.SUSPENDED;
    }

    public Ags ags() {
        return Ags.of(ags);
    }

    public String name() {
        return name;
    }

    public TenantKind kind() {
        return kind;
    }

    public long population() {
        return population;
    }

    /** Empty for a tenant imported from the municipality directory. */
    public Optional<String> contactEmail() {
        return Optional.ofNullable(contactEmail);
    }

    public Optional<Ars> ars() {
        return Optional.ofNullable(ars).map(Ars::of);
    }

    public Optional<LeitwegId> leitwegId() {
        return Optional.ofNullable(leitwegId).map(LeitwegId::of);
    }

    public long version() {
        return version;
    }

    public TenantStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
