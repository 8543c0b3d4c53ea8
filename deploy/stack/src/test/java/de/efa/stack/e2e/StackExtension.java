package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import de.efa.stack.StackConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One real stack for the whole end-to-end run, started by the launcher of the local stack on free ports and
 * stopped when the run ends (the root store closes it). Its Kafka broker requires SASL, as production's does, so
 * that a Kafka client anywhere in the services that ignores the configured security settings fails the suite.
 */
public final class StackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);

    /**
     * Provisioning at the demo provider takes long enough that a test can catch a job in flight, and short
     * enough to keep the suite quick.
     */
    static final Duration PROVISIONING_TIME = Duration.ofSeconds(3);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Stack.class || type == Accounts.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Stack stack = store.computeIfAbsent(Stack.class, key -> startStack(), Stack.class);
        if (parameter.getParameter().getType() == Accounts.class) {
            return store.computeIfAbsent(Accounts.class, key -> new Accounts(stack.realmUrl()), Accounts.class);
        }
        return stack;
    }

    /**
     * A job claimed by a killed marketplace-service is taken over when its lease runs out: 8 s instead of 25 s, with
     * deadlines short enough for the lease to outlast its longest call against brokers on the same machine.
     */
    private static final Map<String, String> QUICK_TAKEOVER = Map.of("EFA_PROVISIONING_LEASE", "8s",
            "EFA_PROVISIONING_LEASE_MARGIN", "1s", "EFA_PROVISIONING_TOKEN_TIMEOUT", "2s",
            "EFA_PROVISIONING_REQUEST_TIMEOUT", "4s", "EFA_PROVISIONING_BROKER_BUSY_WAIT", "500ms",
            "EFA_PROVISIONING_LOOKUP_TIMEOUT", "400ms");

    /**
     * Events a killed service's outbox relay had claimed are sent by its successor when the claim runs out: after
     * 15 s instead of 60 s, with the waits for Kafka that the claim must outlast shortened to match. Without it a
     * test that kills a service in the middle of a relay pass waits a minute for the events it holds.
     */
    private static final Map<String, String> QUICK_OUTBOX_TAKEOVER = Map.of("EFA_OUTBOX_LEASE", "15s",
            "EFA_OUTBOX_SEND_TIMEOUT", "5s", "EFA_OUTBOX_MAX_BLOCK", "2s");

    /**
     * The services run with the local stack's quick-start JVM options (C1 only): the tests check behaviour, not
     * peak throughput, and on 2 cores the stack starts sooner.
     */
    private static Stack startStack() {
        Map<String, String> marketplace = new HashMap<>(QUICK_TAKEOVER);
        marketplace.putAll(QUICK_OUTBOX_TAKEOVER);
        StackConfig config = StackConfig.ephemeral().withLocalStackJvmOptions().withKafkaSasl()
                .withEnvironment(Service.DEMO_PROVIDER,
                        Map.of("DEMO_PROVIDER_PROVISIONING_TIME", PROVISIONING_TIME.toMillis() + "ms"))
                .withEnvironment(Service.CATALOG, QUICK_OUTBOX_TAKEOVER)
                .withEnvironment(Service.TENANT, QUICK_OUTBOX_TAKEOVER)
                .withEnvironment(Service.MARKETPLACE, marketplace);
        return Stack.start(config, line -> System.out.println("[stack] " + line));
    }
}
