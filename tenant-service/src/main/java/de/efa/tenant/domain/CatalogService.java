package de.efa.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Arrays;
import java.util.UUID;

/** A service as the catalog topic last described it; only what subscribing needs is kept. */
@Entity
@Table(name = "catalog_service")
public class CatalogService {

    private static final String PUBLISHED = "PUBLISHED";

    @Id
    private UUID id;

    private String name;

    private String status;

    @Column(name = "provider_id")
    private String providerId;

    @Column(name = "available_in")
    private String[] availableIn;

    private long version;

    protected CatalogService() {
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String status() {
        return status;
    }

    /** The provider that offers the service: it answers interests in it. */
    public String providerId() {
        return providerId;
    }

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    /** An empty list means the service is offered in every Land. */
    public boolean isAvailableIn(Land land) {
        return availableIn.length == 0 || Arrays.asList(availableIn).contains(land.code());
    }

    public long version() {
        return version;
    }
}
