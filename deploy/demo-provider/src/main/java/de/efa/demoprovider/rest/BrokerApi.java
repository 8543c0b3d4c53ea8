package de.efa.demoprovider.rest;

/** Names shared by the broker API's resources and its documentation. */
final class BrokerApi {

    static final String TAG = "Open Service Broker";
    static final String ROLE = "marketplace";
    static final String SECURITY = "bearer";

    static final String ROLES_NOTE = " Only the role `marketplace` may call the broker API.";

    private BrokerApi() {
    }
}
