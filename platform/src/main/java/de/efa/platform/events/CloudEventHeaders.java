package de.efa.platform.events;

/** The CloudEvents 1.0 Kafka binary-mode headers every event carries (docs/events.md). */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** Added to a record that is parked and forwarded to a dead-letter topic: why it could not be applied. */
    public static final String DEAD_LETTER_REASON = "dlq_reason";

    /** Added to a dead letter forwarded without its value, as it would be larger than Kafka takes: how large it was. */
    public static final String DEAD_LETTER_VALUE_OMITTED = "dlq_value_omitted";

    private CloudEventHeaders() {
    }

    /** The {@code ce_source} of a service: {@code /efa/tenant-service}. */
    public static String sourceOf(String applicationName) {
        return "/efa/" + applicationName;
    }
}
