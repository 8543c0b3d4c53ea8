package de.efa.demoprovider.service;

/**
 * An answer of the broker API other than success, with the error code where the OSB API v2.17 defines one; the
 * description is meant for the platform's users and never shows internals.
 */
public class BrokerException extends RuntimeException {

    private final int status;
    private final String error;

    private BrokerException(int status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public static BrokerException asyncRequired() {
        return new BrokerException(422, "AsyncRequired",
                "This broker provisions and deprovisions asynchronously; send accepts_incomplete=true");
    }

    public static BrokerException concurrency(String description) {
        return new BrokerException(422, "ConcurrencyError", description);
    }

    public static BrokerException conflict(String description) {
        return new BrokerException(409, "Conflict", description);
    }

    public static BrokerException badRequest(String description) {
        return new BrokerException(400, "BadRequest", description);
    }

    public static BrokerException notFound(String description) {
        return new BrokerException(404, "NotFound", description);
    }

    /** OSB: 410 Gone, whose body is an empty object. */
    public static BrokerException gone() {
        return new BrokerException(410, null, "The service instance does not exist");
    }

    /** A valid token, but for another provider's broker, or for no broker at all. */
    public static BrokerException notMeantForThisBroker(String audience) {
        return new BrokerException(401, "Unauthorized", "The token is not meant for this broker: its audience must"
                + " contain " + audience);
    }

    /** A token meant for a provider's broker, sent to the demo provider beside its brokers. */
    public static BrokerException meantForABroker() {
        return new BrokerException(401, "Unauthorized", "The token is meant for a provider's broker and is taken only"
                + " there; ask for one without a broker's scope");
    }

    public static BrokerException unsupportedApiVersion(String description) {
        return new BrokerException(412, "PreconditionFailed", description);
    }

    public static BrokerException injectedFault() {
        return new BrokerException(500, "InjectedFault",
                "The demo provider failed this call on purpose (fault injection); nothing was changed");
    }

    public int status() {
        return status;
    }

    /** The OSB error code, or {@code null} for an answer whose body is empty. */
    public String error() {
        return error;
    }
}
