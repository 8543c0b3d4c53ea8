package de.efa.portal.web;

import de.efa.portal.client.Plan;
import de.efa.portal.service.FormField;

import java.util.List;
import java.util.Map;

/**
 * The form that changes a subscription's plan or configuration: the ETag of the subscription it was read from, the
 * plan in effect and the one chosen, the other plans to choose from (none when the plan in effect allows no change),
 * and the inputs of the chosen plan's configuration with what they hold.
 */
public record ChangeForm(String etag, Plan current, Plan target, List<Choices.Choice> otherPlans,
                         List<FormField> fields, Map<String, String> form) {

    public boolean planChange() {
        return !target.id().equals(current.id());
    }

    /** Another plan with terms is agreed to by accepting them, as when subscribing to it. */
    public boolean termsToAccept() {
        return planChange() && target.contract().acceptedOnSubscribing();
    }
}
