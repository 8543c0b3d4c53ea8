package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.client.CatalogDocument;
import de.efa.marketplace.client.OsbClient;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.Broker;
import de.efa.marketplace.domain.BrokerOffering;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each broker's catalog offers, read when a job or a reconciliation needs it and kept for
 * {@code efa.provisioning.broker-catalog-max-age}, so that a broker's changed catalog is seen within minutes without
 * asking it before every call. Each replica keeps its own: a catalog is cheap to read again.
 */
@ApplicationScoped
public class BrokerCatalogs {

    private final OsbClient osb;
    private final ProvisioningMetrics metrics;
    private final ProvisioningConfig config;
    private final Clock clock;
    private final Map<Broker, Read> byBroker = new ConcurrentHashMap<>();

    public BrokerCatalogs(OsbClient osb, ProvisioningMetrics metrics, ProvisioningConfig config, Clock clock) {
        this.osb = osb;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    /** The call that read a catalog, and what it offers; empty when it could not be read. */
    public record CatalogRead(BrokerAnswer answer, Optional<BrokerOffering> offering) {

        /** Why the catalog could not be read; null when it could. */
        public String problem() {
            if (offering.isPresent()) {
                return null;
            }
            if (!answer.answered()) {
                return "the broker's catalog could not be read: " + answer.failureDetail();
            }
            return "the broker's catalog could not be read: " + (answer.is(200)
                    ? "its answer is no OSB catalog" : "the broker answered " + answer.status());
        }
    }

    private record Read(BrokerOffering offering, Instant at) {
    }

    /** The broker's offering as read within the maximum age, if it was. */
    public Optional<BrokerOffering> fresh(Broker broker) {
        Read read = byBroker.get(broker);
        return read != null && read.at().plus(config.brokerCatalogMaxAge()).isAfter(clock.instant())
                ? Optional.of(read.offering()) : Optional.empty();
    }

    /** Reads the broker's catalog now; what can be read is kept for the next {@link #fresh} asking. */
    public CatalogRead read(Broker broker) {
        BrokerAnswer answer = osb.catalog(broker);
        metrics.brokerCall(answer);
        Optional<BrokerOffering> offering = answer.is(200) ? CatalogDocument.read(answer.body()) : Optional.empty();
        offering.ifPresent(o -> byBroker.put(broker, new Read(o, clock.instant())));
        return new CatalogRead(answer, offering);
    }
}
