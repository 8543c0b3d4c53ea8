package de.efa.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** Someone who builds EfA services and runs them behind an Open Service Broker. */
@Entity
@Table(name = "provider")
public class Provider {

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ProviderKind kind;
    @Column(name = "broker_url")
    private String brokerUrl;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Provider() {
    }

    public static Provider register(Slug id, ProviderDefinition definition, Instant now) {
        Provider provider = new Provider();
        provider.id = id.value();
        provider.version = 1;
        provider.createdAt = now;
        provider.apply(definition, now);
        return provider;
    }

    /** Replaces what the operator said; answers whether the broker moved, so its services must be republished. */
    public boolean replace(ProviderDefinition definition, Instant now) {
        boolean brokerMoved = !definition.brokerUrl().value().equals(brokerUrl);
        apply(definition, now);
        return brokerMoved;
    }

    private void apply(ProviderDefinition definition, Instant now) {
        name = definition.name();
        kind = definition.kind();
        brokerUrl = definition.brokerUrl().value();
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ProviderKind kind() {
        return kind;
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
