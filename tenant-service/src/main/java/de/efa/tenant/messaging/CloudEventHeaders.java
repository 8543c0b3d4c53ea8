package de.efa.tenant.messaging;

/** The CloudEvents 1.0 Kafka binary-mode headers (docs/events.md). */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SOURCE_TENANT_SERVICE = "/efa/tenant-service";

    private CloudEventHeaders() {
    }
}
