package de.efa.platform.inbox;

import java.util.Optional;
import java.util.Set;

/**
 * How the inbox treats one consumer: a name for logs, metrics and the liveness check, the CloudEvents types it
 * applies (records of other types are skipped, logged and counted), and the few choices a consumer may make.
 *
 * @param deduplicates whether the ids of applied events are recorded in the same transaction, so that a redelivered
 *                     event changes nothing; off for a copy of a compacted topic kept by version, which must be
 *                     rebuildable from the topic
 * @param deadLetterTopic a topic that gets each parked record as it came, with a {@code dlq_reason} header
 * @param alreadyAppliedConstraints unique constraints whose violation only says that the effect is already there
 */
public record Consumption(String name, Set<String> types, boolean deduplicates, Optional<String> deadLetterTopic,
                          Set<String> alreadyAppliedConstraints) {

    public Consumption {
        types = Set.copyOf(types);
        alreadyAppliedConstraints = Set.copyOf(alreadyAppliedConstraints);
    }

    public static Consumption of(String name, Set<String> types) {
        return new Consumption(name, types, true, Optional.empty(), Set.of());
    }

    /** The consumer keeps a copy by version, and records no event ids. */
    public Consumption keptByVersion() {
        return new Consumption(name, types, false, deadLetterTopic, alreadyAppliedConstraints);
    }

    public Consumption deadLettersTo(String topic) {
        return new Consumption(name, types, deduplicates, Optional.of(topic), alreadyAppliedConstraints);
    }

    public Consumption alreadyAppliedOn(Set<String> constraints) {
        return new Consumption(name, types, deduplicates, deadLetterTopic, constraints);
    }
}
