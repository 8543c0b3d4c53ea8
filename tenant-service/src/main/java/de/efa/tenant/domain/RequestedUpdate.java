package de.efa.tenant.domain;

/**
 * A change of a subscription waiting for the provider: the plan and configuration it asks for, with the price and
 * contract they come with. Nothing of it is in effect until the provider confirms.
 */
public record RequestedUpdate(String planId, String parametersJson, PriceSnapshot price, Contract contract) {
}
