package de.efa.demoprovider.rest;

/** Names shared by the broker API's resources and its documentation. */
final class BrokerApi {

    static final String TAG = "Open Service Broker";
    static final String ROLE = "marketplace";
    static final String SECURITY = "bearer";
    /** Every provider's broker has a path of its own; it takes only tokens meant for that provider's broker. */
    static final String PROVIDER_ID = "provider_id";
    static final String BASE = "/brokers/{" + PROVIDER_ID + "}/v2";

    static final String OWN_INSTANCES_NOTE = " Each provider's broker knows only the instances provisioned through it:"
            + " another provider's instance is answered as one that does not exist, and an id it holds cannot be"
            + " provisioned here (409).";
    static final String ROLES_NOTE = " Only the role `marketplace` may call the broker API, with a token whose audience"
            + " is this provider's broker (`broker-{provider_id}`).";

    private BrokerApi() {
    }
}
