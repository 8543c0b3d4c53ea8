package de.efa.tenant.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.audit.Actor;
import de.efa.platform.audit.AuditRef;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violation;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import de.efa.platform.tracing.Tracing;
import de.efa.tenant.config.RolloutConfig;
import de.efa.tenant.domain.Ags;
import de.efa.tenant.domain.CatalogPlan;
import de.efa.tenant.domain.CatalogService;
import de.efa.tenant.domain.Land;
import de.efa.tenant.domain.Rollout;
import de.efa.tenant.domain.RolloutItem;
import de.efa.tenant.domain.RolloutItemStatus;
import de.efa.tenant.domain.Tenant;
import de.efa.tenant.mapping.RolloutItemView;
import de.efa.tenant.mapping.RolloutRequest;
import de.efa.tenant.mapping.RolloutSelection;
import de.efa.tenant.mapping.RolloutView;
import de.efa.tenant.repository.BundlerRepository;
import de.efa.tenant.repository.CatalogRepository;
import de.efa.tenant.repository.MandateRepository;
import de.efa.tenant.repository.RolloutItemRepository;
import de.efa.tenant.repository.RolloutRepository;
import de.efa.tenant.repository.SubscriptionRepository;
import de.efa.tenant.repository.TenantRepository;
import io.opentelemetry.api.trace.SpanKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rollouts: one plan for every tenant of a selection, as if each had subscribed itself (docs/bulk-onboarding.md).
 * Starting one stores it with a PENDING item per selected tenant, in one transaction, and answers at once; the
 * {@link RolloutWorker} then subscribes the tenants a batch per transaction, under the same rules as a single
 * subscription ({@link SubscriptionService#admit}), and the first provisioning result of each subscription settles its
 * item. Everything is in the database, so a rollout survives any restart: what was not done is still PENDING.
 */
@ApplicationScoped
public class RolloutService {

    private static final Logger LOG = Logger.getLogger(RolloutService.class);
    private static final Pattern KREIS = Pattern.compile("\\d{5}");
    /**
     * More than Germany has municipalities (10,751 in 2024); the named AGS are bound to queries one parameter each,
     * which PostgreSQL's driver limits to 65,535 per statement, with Hibernate's padding to the next power of two.
     */
    private static final int MAX_SELECTED_AGS = 16_384;

    private final RolloutRepository rollouts;
    private final RolloutItemRepository items;
    private final TenantRepository tenants;
    private final MandateRepository mandates;
    private final BundlerRepository bundlers;
    private final SubscriptionRepository subscriptions;
    private final CatalogRepository catalog;
    private final SubscriptionService subscribing;
    private final TenantScope scope;
    private final AuditTrail auditTrail;
    private final Event<RolloutsDue> due;
    private final ObjectMapper json;
    private final RolloutConfig config;
    private final Tracing tracing;
    private final Clock clock;

    public RolloutService(RolloutRepository rollouts, RolloutItemRepository items, TenantRepository tenants,
            MandateRepository mandates, BundlerRepository bundlers, SubscriptionRepository subscriptions,
            CatalogRepository catalog, SubscriptionService subscribing, TenantScope scope, AuditTrail auditTrail,
            Event<RolloutsDue> due, ObjectMapper json, RolloutConfig config, Tracing tracing, Clock clock) {
        this.rollouts = rollouts;
        this.items = items;
        this.tenants = tenants;
        this.mandates = mandates;
        this.bundlers = bundlers;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.subscribing = subscribing;
        this.scope = scope;
        this.auditTrail = auditTrail;
        this.due = due;
        this.json = json;
        this.config = config;
        this.tracing = tracing;
        this.clock = clock;
    }

    /**
     * Starts a rollout: checks what is the same for every tenant (the request's form 400, the selection 422, the
     * caller's scope 403, service, plan, parameters and terms 422/409), then stores the rollout with one PENDING item
     * per selected AGS. A selection that matches no one gives a rollout that is DONE at once.
     */
    @Transactional
    public RolloutView start(Caller caller, RolloutRequest request) {
        Violations violations = new Violations();
        SubscriptionService.Order order = subscribing.orderOf(request.order(), violations);
        RolloutSelection select = request.select();
        Criteria criteria = select == null ? null : criteria(select, violations);
        violations.throwIfAny();
        if (select == null || select.namesNothing()) {
            throw invalidSelection("select", "must name at least one of all, land, kreis, ags and clientsOf");
        }
        Optional<String> bundlerId = requireScope(caller, select, criteria);
        if (select.clientsOf() != null && bundlers.findByIdOptional(select.clientsOf()).isEmpty()) {
            throw invalidSelection("select.clientsOf", "is not a registered bundler");
        }
        Caller requester = bundlerId.isPresent() ? caller.asBundler() : caller;
        subscribing.checkOrder(requester, order);
        Instant now = clock.instant();
        Optional<String> clientsOf = bundlerId.or(() -> Optional.ofNullable(select.clientsOf()));
        Map<String, Optional<String>> selected = selected(Boolean.TRUE.equals(select.all()), criteria, clientsOf);
        Rollout rollout = Rollout.start(order.serviceId(), order.planId(), order.parameters().toString(),
                Optional.ofNullable(order.acceptedTermsVersion()), write(select),
                new Rollout.Requester(requester.describe(), requester.subject(), requester.actingRole(), bundlerId),
                now);
        Tracing.currentTraceparent().ifPresent(rollout::orderedInTrace);
        if (selected.isEmpty()) {
            rollout.finish(now);
        }
        rollouts.persistAndFlush(rollout);
        items.insertAll(selected.entrySet().stream()
                .map(entry -> RolloutItem.pending(rollout.id(), Ags.of(entry.getKey()), entry.getValue(), now))
                .toList());
        auditTrail.record("rollout.start", audited(rollout), rollout.status().name(), Map.of(
                "serviceId", rollout.serviceId(), "planId", rollout.planId(), "selected", selected.size()));
        if (!selected.isEmpty()) {
            due.fire(new RolloutsDue());
        }
        LOG.infof("rollout %s of plan %s of service %s started by %s for %d tenant(s)", rollout.id(),
                rollout.planId(), rollout.serviceId(), requester.describe(), selected.size());
        return RolloutView.of(rollout, select, selected.isEmpty() ? Map.of()
                : Map.of(RolloutItemStatus.PENDING, (long) selected.size()));
    }

    /** Operators see every rollout, a bundler those it ordered; newest first. */
    @Transactional
    public Page<RolloutView> list(Caller caller, PageRequest page) {
        Page<Rollout> found = rollouts.newestFirst(visibleBundler(caller), page);
        Map<UUID, Map<RolloutItemStatus, Long>> counts = items.counts(
                found.items().stream().map(Rollout::id).toList());
        return found.map(rollout -> view(rollout, counts.getOrDefault(rollout.id(), Map.of())));
    }

    @Transactional
    public RolloutView get(Caller caller, UUID id) {
        Rollout rollout = visible(caller, id);
        return view(rollout, items.counts(List.of(id)).getOrDefault(id, Map.of()));
    }

    /** A rollout's items in AGS order, optionally of one status (400 naming {@code status} when there is none such). */
    @Transactional
    public Page<RolloutItemView> items(Caller caller, UUID id, String status, PageRequest page) {
        Violations violations = new Violations();
        Optional<RolloutItemStatus> filter = Optional.ofNullable(status)
                .map(value -> violations.parse("status", () -> itemStatus(value)));
        violations.throwIfAny();
        visible(caller, id);
        return items.ofRollout(id, filter, page).map(RolloutItemView::of);
    }

    /**
     * One pass of the worker: takes up to a batch of PENDING items and handles them in this transaction, with their
     * subscriptions, events, histories and audit entries. A failure rolls the whole batch back, PENDING as before,
     * and the worker handles its items one at a time ({@link #advanceOne}): e.g. a tenant that subscribed itself
     * between this pass's look-up and its insert, or a subscription whose event is larger than Kafka takes.
     *
     * @return whether a full batch was taken, so that more may be waiting
     */
    @Transactional
    public boolean advance() {
        List<RolloutItem> claimed = items.claimPending(config.batchSize());
        if (claimed.isEmpty()) {
            return false;
        }
        long started = System.nanoTime();
        // The batch's subscriptions, histories and items each in one JDBC batch, not in chunks of the default size.
        items.getEntityManager().unwrap(Session.class).setJdbcBatchSize(config.batchSize());
        Instant now = clock.instant();
        Map<UUID, List<RolloutItem>> byRollout = claimed.stream()
                .collect(Collectors.groupingBy(RolloutItem::rolloutId, LinkedHashMap::new, Collectors.toList()));
        tenants.lockForShare(claimed.stream().map(item -> item.ags().value()).toList());
        byRollout.forEach((id, batch) -> handleInTrace(rollouts.findById(id), batch, now));
        finishDone(byRollout.keySet(), now);
        LOG.infof("rollout worker handled %d item(s) in %d ms", claimed.size(),
                (System.nanoTime() - started) / 1_000_000);
        return claimed.size() == config.batchSize();
    }

    /** The keys of the PENDING items the next pass would take, to handle them one at a time ({@link RolloutWorker}). */
    @Transactional
    public List<RolloutItem.Key> nextBatch() {
        return items.pendingKeys(config.batchSize());
    }

    /**
     * Handles one PENDING item in a transaction of its own, as {@link #advance} handles a batch: after a batch failed,
     * this finds the item that made it fail, and lets the others go on.
     *
     * @return false when the item is no longer PENDING, or another worker holds it
     */
    @Transactional
    public boolean advanceOne(RolloutItem.Key key) {
        return onPending(key, (item, now) -> {
            tenants.lockForShare(List.of(key.ags()));
            handleInTrace(rollouts.findById(key.rolloutId()), List.of(item), now);
        });
    }

    /**
     * Skips an item whose subscription was refused only when stored, after the rules admitted it: its request event
     * would be larger than Kafka takes, which a single subscribe answers 413. The refusal is the item's reason.
     *
     * @return false when the item is no longer PENDING, or another worker holds it
     */
    @Transactional
    public boolean skipRefused(RolloutItem.Key key, ProblemException refused) {
        String reason = reasonOf(refused);
        return onPending(key, (item, now) -> {
            item.skip(reason, now);
            recordSkip(item);
        });
    }

    /**
     * Counts an attempt at an item that failed alone for a fault of the service (not a refusal, see
     * {@link #skipRefused}), in a transaction of its own after the attempt's was rolled back: with the database away
     * this fails too, and the outage counts nothing. At {@code efa.rollout.max-item-attempts} the item is SKIPPED with
     * the failure's message as its reason, the database's error rather than the statement that got it.
     *
     * @return whether the item was given up now; false while it stays PENDING, or when it is no longer PENDING or
     *         another worker holds it
     */
    @Transactional
    public boolean countFailure(RolloutItem.Key key, RuntimeException failure) {
        String message = messageOf(failure);
        AtomicBoolean givenUp = new AtomicBoolean();
        onPending(key, (item, now) -> {
            if (item.attemptFailed(message, config.maxItemAttempts(), now)) {
                recordSkip(item);
                givenUp.set(true);
            }
        });
        return givenUp.get();
    }

    private void recordSkip(RolloutItem item) {
        String reason = item.reason().orElseThrow();
        auditTrail.recordEach(Actor.of(requesterOf(rollouts.findById(item.rolloutId()))), "rollout.skip",
                List.of(auditRef(item)), "SKIPPED", Map.of("reason", reason));
    }

    /**
     * Does {@code work} on the item, locked, if it is still PENDING and no other worker holds it, and then sets its
     * rollout DONE if that was its last open item.
     *
     * @return false when the item is no longer PENDING, or another worker holds it
     */
    private boolean onPending(RolloutItem.Key key, BiConsumer<RolloutItem, Instant> work) {
        Optional<RolloutItem> item = items.lockPending(key);
        item.ifPresent(pending -> {
            Instant now = clock.instant();
            work.accept(pending, now);
            finishDone(Set.of(key.rolloutId()), now);
        });
        return item.isPresent();
    }

    /** Where a result left a subscription: ACTIVE, or FAILED for this reason. */
    public record Provisioning(boolean active, String failureReason) {
    }

    /**
     * Results moved these subscriptions to ACTIVE or FAILED: their items, where they wait for the first provisioning,
     * say so, in the transaction of the results, and a rollout whose last item that was is DONE. An item no longer
     * waiting (a later move of its subscription) is left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void provisioned(Map<UUID, Provisioning> settled, Instant now) {
        if (settled.isEmpty()) {
            return;
        }
        List<RolloutItem> waiting = items.waitingFor(settled.keySet());
        if (waiting.isEmpty()) {
            return;
        }
        for (RolloutItem item : waiting) {
            Provisioning provisioning = settled.get(item.subscriptionId().orElseThrow());
            if (provisioning.active()) {
                item.provisioned(now);
            } else {
                item.provisioningFailed(provisioning.failureReason(), now);
            }
        }
        items.flush();
        finishDone(waiting.stream().map(RolloutItem::rolloutId).collect(Collectors.toSet()), now);
    }

    /**
     * Each rollout's batch in a span of the trace it was ordered in: its subscriptions, their events and their jobs can
     * then be followed from the rollout's request.
     */
    private void handleInTrace(Rollout rollout, List<RolloutItem> batch, Instant now) {
        tracing.inSpan("rollout batch", SpanKind.INTERNAL, rollout.traceparent().orElse(null), List.of(), span -> {
            handle(rollout, batch, now);
            return null;
        });
    }

    /**
     * Subscribes the tenants of one rollout's batch in the name of whoever ordered it: what the rules look up is read
     * for the whole batch at once, each tenant is admitted or skipped with the reason the rules give, and the new
     * subscriptions are stored with their events and audit entries together.
     */
    private void handle(Rollout rollout, List<RolloutItem> batch, Instant now) {
        Caller requester = requesterOf(rollout);
        SubscriptionService.Order order = new SubscriptionService.Order(rollout.serviceId(), rollout.planId(),
                parse(rollout.parametersJson()), rollout.acceptedTermsVersion().orElse(null));
        BatchFacts facts = new BatchFacts(rollout, batch.stream().map(item -> item.ags().value()).toList());
        List<SubscriptionService.Admitted> admitted = new ArrayList<>();
        Map<String, List<AuditRef>> skipped = new TreeMap<>();
        for (RolloutItem item : batch) {
            try {
                scope.requireOrdering(requester, item.ags(), facts::mandated);
                SubscriptionService.Admitted one = subscribing.admit(facts, requester, item.ags(), order, now);
                facts.subscribed(item.ags());
                item.subscribed(one.subscription(), now);
                admitted.add(one);
            } catch (ProblemException refused) {
                String reason = reasonOf(refused);
                item.skip(reason, now);
                skipped.computeIfAbsent(reason, any -> new ArrayList<>()).add(auditRef(item));
            }
        }
        subscribing.store(requester, admitted, Map.of("rolloutId", rollout.id()), now);
        Actor actor = Actor.of(requester);
        skipped.forEach((reason, refs) -> auditTrail.recordEach(actor, "rollout.skip", refs, "SKIPPED",
                Map.of("reason", reason)));
        // Inserted now, so that the next rollout of this batch sees them as live.
        subscriptions.flush();
    }

    /** Of these rollouts, those whose every item is final now are DONE; locked first, see RolloutRepository. */
    private void finishDone(Collection<UUID> ids, Instant now) {
        items.flush();
        List<Rollout> locked = rollouts.findForUpdate(ids);
        Set<UUID> unfinished = items.unfinished(ids);
        for (Rollout rollout : locked) {
            if (rollout.isRunning() && !unfinished.contains(rollout.id())) {
                rollout.finish(now);
                auditTrail.record("rollout.finish", audited(rollout), rollout.status().name());
                LOG.infof("rollout %s is DONE", rollout.id());
            }
        }
    }

    /**
     * What the rules look up for one rollout's batch, read with a query each: the tenants, the service and plan,
     * the bundler's mandates among them, and who of them is subscribed to the service already, to which the
     * subscriptions of this batch are added as they are admitted.
     */
    private final class BatchFacts implements SubscriptionService.Facts {

        private final Rollout rollout;
        private final Map<String, Tenant> tenantsByAgs;
        private final Optional<CatalogService> service;
        private final Optional<CatalogPlan> plan;
        private final Set<String> clients;
        private final Set<String> live;
        private final CheckedOnce parameters = new CheckedOnce();

        BatchFacts(Rollout rollout, List<String> ags) {
            this.rollout = rollout;
            // Share-locked by the pass already; read only: the rules read them, and the flush need not look at them.
            this.tenantsByAgs = tenants.find("ags in ?1", ags).withHint(HibernateHints.HINT_READ_ONLY, true).stream()
                    .collect(Collectors.toMap(tenant -> tenant.ags().value(), Function.identity()));
            this.service = catalog.findService(rollout.serviceId());
            this.plan = catalog.findPlan(rollout.serviceId(), rollout.planId());
            this.clients = rollout.requester().bundlerId().map(id -> mandates.clientsAmong(id, ags)).orElse(Set.of());
            this.live = new HashSet<>(subscriptions.liveAmong(ags, rollout.serviceId()));
        }

        @Override
        public Optional<Tenant> tenant(Ags ags) {
            return Optional.ofNullable(tenantsByAgs.get(ags.value()));
        }

        @Override
        public Optional<CatalogService> service(UUID id) {
            return service.filter(found -> found.id().equals(id));
        }

        @Override
        public Optional<CatalogPlan> plan(UUID serviceId, String planId) {
            return plan.filter(found -> serviceId.equals(rollout.serviceId()) && found.planId().equals(planId));
        }

        @Override
        public boolean mandated(Ags ags, String bundlerId) {
            return rollout.requester().bundlerId().filter(bundlerId::equals).isPresent()
                    && clients.contains(ags.value());
        }

        @Override
        public boolean hasLive(Ags ags, UUID serviceId) {
            return serviceId.equals(rollout.serviceId()) && live.contains(ags.value());
        }

        @Override
        public void checkParameters(Runnable check) {
            parameters.run(check);
        }

        void subscribed(Ags ags) {
            live.add(ags.value());
        }
    }

    /** The selection's fields, checked (400 naming each bad one). */
    private record Criteria(List<String> agsPrefixes, Optional<List<String>> ags) {
    }

    private static Criteria criteria(RolloutSelection select, Violations violations) {
        List<String> prefixes = new ArrayList<>();
        if (select.land() != null) {
            violations.parse("select.land", () -> Land.ofCode(select.land()));
            prefixes.add(select.land());
        }
        if (select.kreis() != null) {
            if (!KREIS.matcher(select.kreis()).matches() || Land.byCode(select.kreis().substring(0, 2)).isEmpty()) {
                violations.add("select.kreis", "must be the first 5 digits of an AGS, opening with a Land code");
            }
            prefixes.add(select.kreis());
        }
        Optional<List<String>> ags = Optional.ofNullable(select.ags()).filter(list -> !list.isEmpty());
        if (ags.isPresent() && ags.get().size() > MAX_SELECTED_AGS) {
            violations.add("select.ags", "names " + ags.get().size() + " AGS; at most " + MAX_SELECTED_AGS
                    + " can be named, and a Land, a Kreis or all select more");
            return new Criteria(prefixes, Optional.empty());
        }
        ags.ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                String value = list.get(i);
                violations.parse("select.ags[" + i + "]", () -> Ags.of(value));
            }
        });
        return new Criteria(prefixes, ags.map(list -> list.stream().distinct().toList()));
    }

    /**
     * Operators may select anyone. A bundler selects only among its clients (so its land and kreis are narrowed to
     * them): {@code all}, another bundler's clients, or an AGS of a municipality that gave it no mandate is 403.
     *
     * @return the bundler whose clients the selection is narrowed to
     */
    private Optional<String> requireScope(Caller caller, RolloutSelection select, Criteria criteria) {
        if (caller.isOperator()) {
            return Optional.empty();
        }
        String bundlerId = caller.bundlerId().filter(caller::isBundler).orElseThrow(() -> ProblemException.forbidden(
                "A bundler's token names its bundler in the claim bundler_id"));
        if (Boolean.TRUE.equals(select.all())) {
            throw ProblemException.forbidden("Only an operator rolls out to every tenant; a bundler rolls out to its "
                    + "clients");
        }
        if (select.clientsOf() != null && !select.clientsOf().equals(bundlerId)) {
            throw ProblemException.forbidden("A bundler rolls out only to its own clients, not to those of "
                    + select.clientsOf());
        }
        criteria.ags().ifPresent(ags -> {
            Set<String> clients = mandates.clientsAmong(bundlerId, ags);
            List<String> others = ags.stream().filter(value -> !clients.contains(value)).toList();
            if (!others.isEmpty()) {
                throw ProblemException.forbidden("Bundler " + bundlerId + " holds no mandate of " + others
                        + "; it rolls out only to its clients");
            }
        });
        return Optional.of(bundlerId);
    }

    /**
     * The selected AGS in AGS order, each with its tenant's name: the tenants matching every criterion, and the AGS
     * named in {@code ags} that no tenant has, where the rest of the selection asks neither for a bundler's clients
     * nor for {@code all}, so that the operator sees them skipped. {@code all} means every ACTIVE tenant, as the
     * national rollout has it; otherwise a tenant is selected in any status and the worker skips it, with the reason,
     * when it cannot subscribe.
     */
    private Map<String, Optional<String>> selected(boolean all, Criteria criteria, Optional<String> clientsOf) {
        Map<String, Optional<String>> selected = new TreeMap<>();
        tenants.namesMatching(all, criteria.agsPrefixes(), criteria.ags(), clientsOf)
                .forEach((ags, name) -> selected.put(ags, Optional.of(name)));
        if (!all && clientsOf.isEmpty()) {
            criteria.ags().orElse(List.of()).stream()
                    .filter(ags -> criteria.agsPrefixes().stream().allMatch(ags::startsWith))
                    .forEach(ags -> selected.putIfAbsent(ags, Optional.empty()));
        }
        return selected;
    }

    private Rollout visible(Caller caller, UUID id) {
        Optional<String> bundlerId = visibleBundler(caller);
        return rollouts.findByIdOptional(id)
                .filter(rollout -> bundlerId.map(rollout::isOfBundler).orElse(true))
                .orElseThrow(() -> ProblemException.notFound("No rollout " + id));
    }

    /** Empty for an operator, who sees everything; a bundler sees what it ordered. */
    private static Optional<String> visibleBundler(Caller caller) {
        if (caller.isOperator()) {
            return Optional.empty();
        }
        return Optional.of(caller.bundlerId().filter(caller::isBundler).orElseThrow(() -> ProblemException.forbidden(
                "A bundler's token names its bundler in the claim bundler_id")));
    }

    private RolloutView view(Rollout rollout, Map<RolloutItemStatus, Long> counts) {
        try {
            return RolloutView.of(rollout, json.readValue(rollout.selectionJson(), RolloutSelection.class), counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored selection of rollout " + rollout.id() + " is not JSON", e);
        }
    }

    /** The one who ordered the rollout, as the rules and the audit see a caller: subject, role and bundler. */
    private static Caller requesterOf(Rollout rollout) {
        Rollout.Requester requester = rollout.requester();
        return new Caller(requester.subject(), Set.of(requester.role()), Optional.empty(), Optional.empty(),
                requester.bundlerId());
    }

    private static AuditRef auditRef(RolloutItem item) {
        return AuditRef.of("rollout-item", item.rolloutId() + "/" + item.ags());
    }

    /** What failed at the bottom: a driver's error names what the database refused, its wrappers the statement. */
    private static String messageOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Its first line only: PostgreSQL's following "Detail:" and "Where:" lines name rows and functions, which the
        // bundler reading the item need not see; the log has the whole failure.
        String message = Objects.requireNonNullElse(root.getMessage(), root.getClass().getName());
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd);
    }

    /** A refusal as an item's reason: what it says, and each field it names. */
    private static String reasonOf(ProblemException refused) {
        if (refused.violations().isEmpty()) {
            return refused.getMessage();
        }
        return refused.getMessage() + ": " + refused.violations().stream()
                .map(violation -> violation.field() + " " + violation.message())
                .collect(Collectors.joining("; "));
    }

    private static AuditRef audited(Rollout rollout) {
        return AuditRef.of("rollout", rollout.id());
    }

    private static ProblemException invalidSelection(String field, String message) {
        return new ProblemException(422, "invalid-selection", "Invalid selection", "The selection names no tenants "
                + "as asked", List.of(new Violation(field, message)));
    }

    private static RolloutItemStatus itemStatus(String value) {
        try {
            return RolloutItemStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(RolloutItemStatus.values()));
        }
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parameters are not JSON", e);
        }
    }

    private String write(RolloutSelection select) {
        try {
            return json.writeValueAsString(select);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a selection could not be written as JSON", e);
        }
    }
}
