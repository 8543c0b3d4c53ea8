package de.efa.tenant.service;

import de.efa.platform.audit.Actor;
import de.efa.platform.audit.AuditTrail;
import de.efa.tenant.domain.Subscription;
import de.efa.tenant.messaging.SubscriptionEvents;
import de.efa.tenant.messaging.SubscriptionEvents.Step;
import de.efa.tenant.repository.SubscriptionRepository;
import de.efa.tenant.repository.TenantRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An interest unanswered for {@code efa.interest.answer-within}, or an offer not concluded within
 * {@code efa.interest.conclude-within} (30 days each), expires. Several replicas share the work: each takes the
 * overdue subscriptions the others have not locked.
 */
@ApplicationScoped
public class InterestExpiry {

    private static final Logger LOG = Logger.getLogger(InterestExpiry.class);
    private static final int BATCH = 200;
    private static final Actor EXPIRY = Actor.system("interest-expiry");

    private final SubscriptionRepository subscriptions;
    private final TenantRepository tenants;
    private final SubscriptionEvents events;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final Duration answerWithin;
    private final Duration concludeWithin;

    public InterestExpiry(SubscriptionRepository subscriptions, TenantRepository tenants, SubscriptionEvents events,
                          AuditTrail auditTrail, Clock clock,
                          @ConfigProperty(name = "efa.interest.answer-within", defaultValue = "30d") Duration answerWithin,
                          @ConfigProperty(name = "efa.interest.conclude-within", defaultValue = "30d")
                          Duration concludeWithin) {
        this.subscriptions = subscriptions;
        this.tenants = tenants;
        this.events = events;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.answerWithin = answerWithin;
        this.concludeWithin = concludeWithin;
    }

    @Scheduled(every = "${efa.interest.expiry-check:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int expired;
        do {
            expired = expireOverdue();
        } while (expired == BATCH);
    }

    /** @return how many interests and offers expired in this batch */
    @Transactional
    public int expireOverdue() {
        Instant now = clock.instant();
        List<Subscription> overdue = subscriptions.overdueForExpiry(now.minus(answerWithin), now.minus(concludeWithin),
                BATCH);
        for (Subscription subscription : overdue) {
            String why = subscription.offer().isPresent()
                    ? "Expired: the offer was not concluded within " + concludeWithin.toDays() + " days"
                    : "Expired: the interest was not answered within " + answerWithin.toDays() + " days";
            subscription.expire(now, why);
            events.step(Step.EXPIRED, subscription, tenants.findById(subscription.ags().value()), "marketplace", now);
            auditTrail.record(EXPIRY, "subscription.expire", Audited.subscription(subscription),
                    subscription.status().name(), Map.of("reason", why));
        }
        if (!overdue.isEmpty()) {
            LOG.infof("%d interests and offers expired", overdue.size());
        }
        return overdue.size();
    }
}
