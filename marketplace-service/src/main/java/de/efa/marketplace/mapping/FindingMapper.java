package de.efa.marketplace.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.marketplace.domain.Finding;
import jakarta.enterprise.context.ApplicationScoped;

/** Finding ⇄ operator API. */
@ApplicationScoped
public class FindingMapper {

    private final ObjectMapper json;

    public FindingMapper(ObjectMapper json) {
        this.json = json;
    }

    public FindingView view(Finding finding) {
        try {
            return new FindingView(finding.id(), finding.kind(), finding.subscriptionId(), finding.brokerUrl(),
                    json.readTree(finding.evidence()), finding.detectedAt(), finding.resolvedAt(),
                    finding.resolvedBy(), finding.note());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the evidence of finding " + finding.id() + " is not JSON", e);
        }
    }
}
