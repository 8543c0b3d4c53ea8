package de.efa.demoprovider.service;

import de.efa.demoprovider.config.DemoProviderConfig;
import de.efa.demoprovider.repository.InstanceOperationRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Ends the operations whose time has come, in batches. It keeps no state of its own: whatever is due in the
 * database is finished, including operations started before a restart, and several replicas can share the work.
 */
@ApplicationScoped
public class OperationCompleter {

    private final InstanceOperationRepository operations;
    private final int batchSize;
    private final Counter completed;

    public OperationCompleter(InstanceOperationRepository operations, DemoProviderConfig config,
                              MeterRegistry registry) {
        this.operations = operations;
        this.batchSize = config.completion().batchSize();
        this.completed = registry.counter("demo.provider.operations.completed");
    }

    @Scheduled(every = "${demo-provider.completion.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void completeDueOperations() {
        int finished;
        do {
            finished = QuarkusTransaction.requiringNew().call(() -> operations.completeDue(Instant.now(), batchSize));
            completed.increment(finished);
        } while (finished == batchSize);
    }
}
