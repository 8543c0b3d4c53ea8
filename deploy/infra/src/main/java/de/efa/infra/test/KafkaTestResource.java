package de.efa.infra.test;

import de.efa.infra.kafka.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.util.Map;

/**
 * A real in-process Kafka KRaft broker for a service's {@code @QuarkusTest}s, with the product topics created.
 * Tests get a {@link KafkaCompanion} ({@code @InjectKafkaCompanion}) to produce and consume, and the
 * {@link KafkaBroker} itself ({@code @InjectKafkaBroker}) to take it down and bring it back.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBroker broker;
    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.ephemeral().start();
        companion = new KafkaCompanion(broker.bootstrapServers());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
