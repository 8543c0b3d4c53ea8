package de.efa.catalog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.domain.ServiceChanged;
import de.efa.catalog.mapping.ServiceMapper;
import de.efa.platform.outbox.Outbox;
import de.efa.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.util.List;

/**
 * Writes the events of services' changes into the outbox, in the transaction of the change, keyed by service id on
 * the compacted catalog topic. The value is the service as GET shows it plus its provider's broker URL, so that
 * consumers can provision without asking us. A change whose event would be too large for Kafka is refused here
 * (413 {@code event-too-large}), which rolls the change back.
 */
@ApplicationScoped
public class ServiceEvents {

    public static final String TOPIC = "efa.catalog.services.v1";

    private final Outbox outbox;
    private final ServiceMapper mapper;
    private final ObjectMapper json;
    private final Event<ServiceChanged> changed;

    public ServiceEvents(Outbox outbox, ServiceMapper mapper, ObjectMapper json, Event<ServiceChanged> changed) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.json = json;
        this.changed = changed;
    }

    /** Records the change; call it after the change is flushed, so that the version is the new one. */
    public void record(EfaService service, Provider provider, ServiceEventType type) {
        recordAll(List.of(service), provider, type);
    }

    /** Records the same change of many services of one provider with one write (a provider's broker moved). */
    public void recordAll(List<EfaService> services, Provider provider, ServiceEventType type) {
        if (services.isEmpty()) {
            return;
        }
        outbox.writeAll(services.stream()
                .map(service -> OutgoingEvent.of(TOPIC, service.id().toString(), type.type(), value(service, provider)))
                .toList());
        changed.fire(new ServiceChanged());
    }

    private String value(EfaService service, Provider provider) {
        ObjectNode value = json.valueToTree(mapper.toView(service));
        value.put("brokerUrl", provider.brokerUrl());
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service could not be written as JSON", e);
        }
    }
}
