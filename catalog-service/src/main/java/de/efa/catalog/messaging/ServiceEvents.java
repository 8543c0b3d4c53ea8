package de.efa.catalog.messaging;

import de.efa.catalog.domain.ServiceChanged;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.efa.catalog.domain.EfaService;
import de.efa.catalog.domain.Provider;
import de.efa.catalog.mapping.ServiceMapper;
import de.efa.catalog.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Writes the event of a service's change into the outbox, in the transaction of the change. The value is the
 * service as GET shows it plus its provider's broker URL, so that consumers can provision without asking us.
 */
@ApplicationScoped
public class ServiceEvents {

    public static final String TOPIC = "efa.catalog.services.v1";

    private final OutboxRepository outbox;
    private final ServiceMapper mapper;
    private final ObjectMapper json;
    private final Event<ServiceChanged> changed;

    public ServiceEvents(OutboxRepository outbox, ServiceMapper mapper, ObjectMapper json, Event<ServiceChanged> changed) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.json = json;
        this.changed = changed;
    }

    /** Records the change; call it after the change is flushed, so that the version is the new one. */
    public void record(EfaService service, Provider provider, ServiceEventType type) {
        ObjectNode value = json.valueToTree(mapper.toView(service));
        value.put("brokerUrl", provider.brokerUrl());
        try {
            outbox.append(TOPIC, service.id().toString(), type.type(), json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service could not be written as JSON", e);
        }
        changed.fire(new ServiceChanged());
    }
}
