package de.efa.marketplace.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.client.OsbClient;
import de.efa.marketplace.domain.BelievedInstance;
import de.efa.marketplace.domain.Broker;
import de.efa.marketplace.domain.BrokerOffering;
import de.efa.marketplace.domain.ReconciliationRun;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Compares what the marketplace believes of every live instance with what its broker holds (docs/services.md):
 * daily by itself ({@code efa.reconciliation.cron}, {@code every}) and when an operator asks. A run fetches each
 * instance from its broker, one after another on a thread of its own, and holds no transaction across a call; only
 * brokers whose catalog says {@code instances_retrievable} are asked, the others are named as skipped.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    private static final long BEAT_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final ReconciliationRuns runs;
    private final BrokerCatalogs catalogs;
    private final OsbClient osb;
    private final ProvisioningMetrics metrics;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reconciliation");
        thread.setDaemon(true);
        return thread;
    });

    public Reconciler(ReconciliationRuns runs, BrokerCatalogs catalogs, OsbClient osb, ProvisioningMetrics metrics,
                      ObjectMapper json) {
        this.runs = runs;
        this.catalogs = catalogs;
        this.osb = osb;
        this.metrics = metrics;
        this.json = json;
    }

    private volatile UUID current;
    private long beatAt;

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
        UUID cutShort = current;
        if (cutShort != null) {
            try {
                runs.fail(cutShort, "the service stopped while it ran");
            } catch (RuntimeException e) {
                // It is taken as abandoned once efa.reconciliation.abandoned-after has passed without a heartbeat.
                LOG.warnf("reconciliation run %s cut short and left RUNNING: %s", cutShort, e.getMessage());
            }
        }
    }

    @Scheduled(identity = "reconciliation-cron", cron = "${efa.reconciliation.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Scheduled(identity = "reconciliation-every", every = "${efa.reconciliation.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runs.start("schedule", true).ifPresent(start -> worker.execute(() -> execute(start.run())));
    }

    /** An operator's request: a new run, or the one that is running already. */
    public ReconciliationRun request(String requestedBy) {
        ReconciliationRuns.Start start = runs.start(requestedBy, false).orElseThrow();
        if (start.started()) {
            worker.execute(() -> execute(start.run()));
        }
        return start.run();
    }

    /** A broker the run did not ask, why, and for how many instances; kept with the run as JSON. */
    public record SkippedBroker(String brokerUrl, String reason, int instances) {
    }

    private void execute(ReconciliationRun run) {
        current = run.id();
        beatAt = System.nanoTime();
        try {
            Tally tally = new Tally();
            Map<Broker, List<BelievedInstance>> byBroker = runs.believedLive().stream().collect(Collectors.groupingBy(
                    BelievedInstance::broker, LinkedHashMap::new, Collectors.toList()));
            byBroker.forEach((broker, instances) -> reconcile(run, broker, instances, tally));
            runs.finish(run.id(), tally.of(json));
            LOG.infof("reconciliation %s: %s", run.id(), tally);
        } catch (RuntimeException e) {
            LOG.errorf(e, "reconciliation %s failed", run.id());
            runs.fail(run.id(), String.valueOf(e.getMessage()));
        } finally {
            current = null;
        }
    }

    private void reconcile(ReconciliationRun run, Broker broker, List<BelievedInstance> instances, Tally tally) {
        tally.instances += instances.size();
        String brokerUrl = broker.url();
        if (brokerUrl == null) {
            tally.skip(new SkippedBroker(null, "no broker is known for the service", instances.size()));
            return;
        }
        Optional<BrokerOffering> offering = catalogs.fresh(broker);
        if (offering.isEmpty()) {
            BrokerCatalogs.CatalogRead read = catalogs.read(broker);
            if (read.offering().isEmpty()) {
                tally.skip(new SkippedBroker(brokerUrl, read.problem(), instances.size()));
                return;
            }
            offering = read.offering();
        }
        BrokerOffering offered = offering.get();
        Map<Boolean, List<BelievedInstance>> retrievable = instances.stream().collect(Collectors.partitioningBy(
                instance -> offered.instancesRetrievable(instance.serviceId().toString())));
        if (!retrievable.get(false).isEmpty()) {
            tally.skip(new SkippedBroker(brokerUrl, "its catalog does not say instances_retrievable",
                    retrievable.get(false).size()));
        }
        for (BelievedInstance instance : retrievable.get(true)) {
            BrokerAnswer answer = osb.fetchInstance(broker, instance.instanceId());
            metrics.brokerCall(answer);
            tally.add(runs.record(run, instance, InstanceComparison.of(instance, answer), answer));
            if (System.nanoTime() - beatAt > BEAT_EVERY_NANOS) {
                runs.beat(run.id());
                beatAt = System.nanoTime();
            }
        }
    }

    /** What a run counts as it goes. */
    private static final class Tally {

        private int instances;
        private int checked;
        private int findings;
        private int known;
        private int inconclusive;
        private int busy;
        private int skipped;
        private final List<SkippedBroker> skippedBrokers = new ArrayList<>();

        void skip(SkippedBroker broker) {
            skipped += broker.instances();
            skippedBrokers.add(broker);
        }

        void add(ReconciliationRuns.Recorded recorded) {
            switch (recorded.outcome()) {
                case BUSY -> busy++;
                case INCONCLUSIVE -> inconclusive++;
                case AGREES, DIFFERS -> checked++;
            }
            findings += recorded.newFindings();
            known += recorded.knownFindings();
        }

        ReconciliationRun.Tally of(ObjectMapper json) {
            try {
                return new ReconciliationRun.Tally(instances, checked, findings, known, inconclusive, busy, skipped,
                        json.writeValueAsString(skippedBrokers));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the skipped brokers could not be written as JSON", e);
            }
        }

        @Override
        public String toString() {
            return instances + " instances, " + checked + " checked, " + findings + " new findings, " + known
                    + " known, " + inconclusive + " inconclusive, " + busy + " busy, " + skipped + " skipped";
        }
    }
}
