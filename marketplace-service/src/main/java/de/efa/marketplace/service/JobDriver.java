package de.efa.marketplace.service;

import de.efa.marketplace.client.BrokerAction;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.client.OsbClient;
import de.efa.marketplace.client.InstanceRequest;
import de.efa.marketplace.config.ProvisioningConfig;
import de.efa.marketplace.domain.Broker;
import de.efa.marketplace.domain.BrokerOffering;
import de.efa.marketplace.domain.CatalogEntry;
import de.efa.marketplace.domain.FailureKind;
import de.efa.marketplace.domain.JobStep;
import de.efa.marketplace.domain.JobStatus;
import de.efa.marketplace.domain.ProvisioningJob;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a claimed job one step further: finds its broker if it has not started, makes the one broker call its
 * step asks for, outside any transaction, and stores what came of it.
 */
@ApplicationScoped
public class JobDriver {

    private static final Logger LOG = Logger.getLogger(JobDriver.class);

    private final CatalogCopy catalog;
    private final BrokerCatalogs catalogs;
    private final JobTransitions transitions;
    private final StepRecorder recorder;
    private final OsbClient osb;
    private final StepDecider decider;
    private final ProvisioningMetrics metrics;
    private final ProvisioningConfig config;
    private final Clock clock;

    public JobDriver(CatalogCopy catalog, BrokerCatalogs catalogs, JobTransitions transitions,
                     StepRecorder recorder, OsbClient osb, StepDecider decider, ProvisioningMetrics metrics,
                     ProvisioningConfig config, Clock clock) {
        this.catalog = catalog;
        this.catalogs = catalogs;
        this.transitions = transitions;
        this.recorder = recorder;
        this.osb = osb;
        this.decider = decider;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    public void advance(ProvisioningJob claimed) {
        Optional<ProvisioningJob> job = claimed.status == JobStatus.PENDING ? begin(claimed) : Optional.of(claimed);
        job.ifPresent(this::step);
    }

    private void step(ProvisioningJob job) {
        UUID leaseToken = job.leaseToken;
        if (job.step == JobStep.SEND && job.needsBrokerOffering()) {
            // Never ask a broker for what its catalog does not offer: it is read first when not known lately.
            Optional<BrokerOffering> offering = catalogs.fresh(job.broker());
            if (offering.isEmpty()) {
                BrokerCatalogs.CatalogRead read = catalogs.read(job.broker());
                decider.afterCatalogRead(job, read, clock.instant());
                recorder.record(new JobTransitions.Step(leaseToken, job, read.answer(), null, Context.current()));
                return;
            }
            Optional<String> notOffered = job.notOfferedBy(offering.get());
            if (notOffered.isPresent()) {
                transitions.fail(job, notOffered.get(), FailureKind.NOT_OFFERED);
                return;
            }
        }
        BrokerAnswer answer = call(job);
        metrics.brokerCall(answer);
        String note = decider.decide(job, answer, clock.instant());
        if (note != null) {
            LOG.warnf("job %s: %s", job.id, note);
        }
        recorder.record(new JobTransitions.Step(leaseToken, job, answer, note, Context.current()));
    }

    /**
     * A request may arrive before the catalog record of its service: it waits, and fails only when the
     * service has not appeared within {@code efa.provisioning.catalog-wait}.
     */
    private Optional<ProvisioningJob> begin(ProvisioningJob job) {
        Optional<CatalogEntry> entry = catalog.find(job.serviceId);
        String missing = missing(job, entry);
        if (missing == null) {
            job.start(entry.get().broker(), clock.instant());
            return Optional.of(job);
        }
        Instant now = clock.instant();
        if (now.isAfter(job.receivedAt.plus(config.catalogWait()))) {
            transitions.fail(job, missing + " (waited " + config.catalogWait().toSeconds() + " s for the catalog)");
        } else {
            transitions.postpone(job, now.plus(config.catalogRetryInterval()));
        }
        return Optional.empty();
    }

    private static String missing(ProvisioningJob job, Optional<CatalogEntry> entry) {
        if (entry.isEmpty()) {
            return "the service " + job.serviceId + " is not in the catalog";
        }
        if (!entry.get().hasBroker()) {
            return "the provider of the service " + job.serviceId + " has no broker URL";
        }
        if (job.operation.needsPlan() && !entry.get().offers(job.planId)) {
            return "the service " + job.serviceId + " has no plan '" + job.planId + "'";
        }
        return null;
    }

    private BrokerAnswer call(ProvisioningJob job) {
        InstanceRequest request = new InstanceRequest(job.instanceId, job.serviceId.toString(), job.planId,
                job.previousPlanId, job.ags, job.tenantName, job.land, job.parameters, job.originatingUserId);
        Broker broker = job.broker();
        return switch (job.step) {
            case SEND -> switch (job.operation) {
                case PROVISION -> osb.provision(broker, request);
                case DEPROVISION -> osb.deprovision(BrokerAction.DEPROVISION, broker, request);
                case UPDATE -> osb.update(broker, request);
                case SUSPEND -> osb.updateContext(broker, request, true);
                case RESUME -> osb.updateContext(broker, request, false);
            };
            case POLL -> osb.lastOperation(BrokerAction.LAST_OPERATION, broker, request, job.planOfLastOperation(),
                    job.brokerOperation);
            case CLEANUP -> osb.deprovision(BrokerAction.ORPHAN_MITIGATION, broker, request);
            case CLEANUP_POLL -> osb.lastOperation(BrokerAction.ORPHAN_MITIGATION_LAST_OPERATION, broker,
                    request, job.planOfLastOperation(), job.brokerOperation);
        };
    }
}
