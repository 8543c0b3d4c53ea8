package de.efa.stack.e2e;

import de.efa.stack.Service;
import de.efa.stack.Stack;
import de.efa.stack.StackConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.time.Duration;
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

    private static Stack startStack() {
        StackConfig config = StackConfig.ephemeral().withKafkaSasl().withEnvironment(Service.DEMO_PROVIDER,
                Map.of("DEMO_PROVIDER_PROVISIONING_TIME", PROVISIONING_TIME.toMillis() + "ms"));
        return Stack.start(config, line -> System.out.println("[stack] " + line));
    }
}
