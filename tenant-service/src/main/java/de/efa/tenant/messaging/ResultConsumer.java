package de.efa.tenant.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import de.efa.tenant.domain.Operation;
import de.efa.tenant.service.ResultEvent;
import de.efa.tenant.service.ResultService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the provisioning results of {@code efa.onboarding.results.v1}, a poll's worth per transaction on a worker
 * thread. A tolerant reader: unknown payload fields are ignored; a record without a usable {@code ce_id},
 * {@code ce_type} or subscription id is logged and skipped.
 */
@ApplicationScoped
public class ResultConsumer {

    private static final Logger LOG = Logger.getLogger(ResultConsumer.class);

    private final ResultService results;
    private final ObjectReader reader;

    public ResultConsumer(ResultService results, ObjectMapper json) {
        this.results = results;
        this.reader = json.readerFor(ResultMessage.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The part of a result payload that the tenant-service uses. */
    record ResultMessage(UUID subscriptionId, Operation operation, String instanceId, String dashboardUrl,
            String reason) {
    }

    @Incoming("results")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ResultEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            read(record).ifPresent(events::add);
        }
        Batches.apply(events, results::apply);
    }

    private Optional<ResultEvent> read(ConsumerRecord<String, String> record) {
        try {
            UUID ceId = UUID.fromString(header(record, CloudEventHeaders.ID));
            String type = header(record, CloudEventHeaders.TYPE);
            ResultMessage message = reader.readValue(record.value());
            if (message.subscriptionId() == null) {
                throw new IOException("subscriptionId is missing");
            }
            return Optional.of(new ResultEvent(ceId, type, message.subscriptionId(), message.operation(),
                    message.instanceId(), message.dashboardUrl(), message.reason()));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warnf("result record %s-%d@%d with key %s cannot be read and is skipped: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) throws IOException {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new IOException("header " + name + " is missing");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
