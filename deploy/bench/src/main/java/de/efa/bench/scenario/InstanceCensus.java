package de.efa.bench.scenario;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the demo provider lists: how often each instance id appears among the live instances, the states, each
 * instance's plan, the ids of those locked by a suspension, and the total it reports. The OSB instance id is the
 * subscription id (docs/services.md), so one subscription, one id.
 */
public record InstanceCensus(Map<String, Integer> listed, Map<String, Long> states, Map<String, String> plans,
                             Set<String> suspended, long total) {

    /** Subscriptions without an instance. */
    public long missing(Set<String> subscriptionIds) {
        return subscriptionIds.stream().filter(id -> !listed.containsKey(id)).count();
    }

    /** Instances listed more than once. */
    public long duplicated() {
        return listed.values().stream().filter(times -> times > 1).count();
    }

    /** Instances that belong to no subscription of the run: a second instance for one subscription would be here. */
    public long extra(Set<String> subscriptionIds) {
        Set<String> others = new HashSet<>(listed.keySet());
        others.removeAll(subscriptionIds);
        return others.size();
    }

    /** Exactly one live instance per subscription, and nothing else. */
    public boolean oneEach(Set<String> subscriptionIds) {
        return missing(subscriptionIds) == 0 && duplicated() == 0 && extra(subscriptionIds) == 0
                && total == subscriptionIds.size();
    }

    public String describe(Set<String> subscriptionIds) {
        return String.format("%d live instances for %d subscriptions (missing %d, listed twice %d, extra %d), states %s",
                total, subscriptionIds.size(), missing(subscriptionIds), duplicated(), extra(subscriptionIds), states);
    }
}
