package de.efa.portal.web;

import io.quarkus.qute.TemplateGlobal;

import java.util.List;
import java.util.Map;

/** The options of the selects and checkboxes every page may need, with their German names. */
@TemplateGlobal
public final class Choices {

    static final List<Choice> laender = of(Labels.LAENDER);
    static final List<Choice> reuseModels = of(Labels.REUSE_MODELS);
    static final List<Choice> contractModels = of(Labels.CONTRACT_MODELS);
    static final List<Choice> tenantKinds = of(Labels.TENANT_KINDS);
    static final List<Choice> jobStatuses = of(Labels.JOB);
    static final List<Choice> tenantStatuses = of(Labels.TENANT);
    static final List<Choice> interestStatuses = of(Labels.INTEREST);
    static final List<Choice> findingKinds = of(Labels.FINDING_KINDS);
    static final List<Choice> rolloutItemStatuses = of(Labels.ROLLOUT_ITEM);
    /** Whether a finding is resolved, as the API's {@code resolved} filter takes it, or either. */
    static final List<Choice> findingStates = List.of(new Choice("false", "Offen"), new Choice("true", "Erledigt"),
            new Choice(ReconciliationResource.EVERY_FINDING, "Alle"));

    private Choices() {
    }

    /** A code with its German name. */
    public record Choice(String code, String name) {
    }

    private static List<Choice> of(Map<String, String> names) {
        return names.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList();
    }
}
