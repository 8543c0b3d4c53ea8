package de.efa.demoprovider.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The catalog this broker advertises. It describes a demo SaaS offering; the broker itself accepts any service
 * and plan id, because the marketplace sends the ids of its own catalog.
 */
@ApplicationScoped
public class BrokerCatalog {

    private static final String RESOURCE = "osb/catalog.json";

    private final JsonNode catalog;

    public BrokerCatalog(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            catalog = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public JsonNode catalog() {
        return catalog.deepCopy();
    }
}
