package de.efa.tenant.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import de.efa.platform.events.CloudEventHeaders;
import de.efa.platform.inbox.Consumption;
import de.efa.platform.inbox.EventHandler;
import de.efa.platform.inbox.EventInbox;
import de.efa.platform.inbox.InboundEvent;
import de.efa.platform.inbox.UnreadableEventException;
import de.efa.tenant.domain.Operation;
import de.efa.tenant.service.ResultEvent;
import de.efa.tenant.service.ResultService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the provisioning results of {@code efa.onboarding.results.v1}. A tolerant reader: unknown payload fields are
 * ignored; a result without a {@code subscriptionId}, {@code jobId} or a known {@code operation} cannot be read.
 */
@ApplicationScoped
public class ResultConsumer implements EventHandler<ResultEvent> {

    private static final Consumption CONSUMPTION = Consumption.of("results", Set.of(ResultEvent.PROVISIONING_STARTED,
            ResultEvent.PROVISIONED, ResultEvent.PROVISIONING_FAILED, ResultEvent.DEPROVISIONED, ResultEvent.UPDATED,
            ResultEvent.UPDATE_FAILED, ResultEvent.SUSPENDED, ResultEvent.RESUMED));

    private final EventInbox inbox;
    private final ResultService results;
    private final ObjectReader reader;

    public ResultConsumer(EventInbox inbox, ResultService results, ObjectMapper json) {
        this.inbox = inbox;
        this.results = results;
        this.reader = json.readerFor(ResultMessage.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The part of a result payload that the tenant-service uses. */
    record ResultMessage(UUID subscriptionId, UUID jobId, Operation operation, String instanceId, String dashboardUrl,
            String reason, String planId, Boolean instanceUsable, Boolean confirmed) {
    }

    @Incoming("results")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.consume(records, this);
    }

    @Override
    public Consumption consumption() {
        return CONSUMPTION;
    }

    @Override
    public ResultEvent read(InboundEvent event) throws UnreadableEventException {
        ResultMessage message;
        try {
            message = reader.readValue(event.value());
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the value is not a result: " + e.getOriginalMessage());
        }
        if (message.subscriptionId() == null || message.jobId() == null) {
            throw new UnreadableEventException("'subscriptionId' and 'jobId' are required");
        }
        // Which move a result makes depends on its operation: without one it could never be applied, and an
        // exception while applying it would be taken for a passing failure and hold up its partition for good.
        if (message.operation() == null) {
            throw new UnreadableEventException("'operation' is required");
        }
        return new ResultEvent(UUID.fromString(header(event, CloudEventHeaders.ID)),
                header(event, CloudEventHeaders.TYPE), message.subscriptionId(), message.jobId(), message.operation(),
                message.instanceId(), message.dashboardUrl(), message.reason(), message.planId(),
                message.instanceUsable(), message.confirmed());
    }

    @Override
    public void apply(List<ResultEvent> events) {
        results.apply(events);
    }

    private static String header(InboundEvent event, String name) throws UnreadableEventException {
        return event.header(name).orElseThrow(() -> new UnreadableEventException("no " + name + " header"));
    }
}
