package de.efa.marketplace.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.client.BrokerAnswer;
import de.efa.marketplace.domain.BelievedInstance;
import de.efa.marketplace.domain.FindingKind;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an instance fetched from its broker says against what the marketplace believes: the differences it shows, or
 * that it says nothing (no answer, an error, a 422 while the broker works on it, a body that is no instance).
 */
public record InstanceComparison(boolean conclusive, List<FindingKind> differences) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public InstanceComparison {
        differences = List.copyOf(differences);
    }

    public static InstanceComparison of(BelievedInstance believed, BrokerAnswer answer) {
        if (answer.is(404)) {
            return new InstanceComparison(true, List.of(FindingKind.MISSING_AT_PROVIDER));
        }
        JsonNode instance = answer.is(200) ? object(answer.body()) : null;
        if (instance == null) {
            return new InstanceComparison(false, List.of());
        }
        List<FindingKind> differences = new ArrayList<>();
        JsonNode plan = instance.path("plan_id");
        if (plan.isTextual() && !plan.asText().equals(believed.planId())) {
            differences.add(FindingKind.PLAN_DIFFERS);
        }
        // The extension "suspended" is false unless the broker says true: an instance it does not say is locked is not.
        if (believed.suspended() && !instance.path("suspended").booleanValue()) {
            differences.add(FindingKind.SUSPENSION_NOT_CONFIRMED);
        }
        return new InstanceComparison(true, differences);
    }

    private static JsonNode object(String body) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
