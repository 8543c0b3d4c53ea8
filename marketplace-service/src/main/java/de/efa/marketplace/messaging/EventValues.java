package de.efa.marketplace.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.platform.inbox.UnreadableEventException;

import java.io.IOException;

/** The value of an event this service reads: a JSON object, or a reason to park the record. */
final class EventValues {

    private EventValues() {
    }

    static JsonNode object(ObjectMapper json, String value) throws UnreadableEventException {
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (IOException e) {
            throw new UnreadableEventException("the value is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableEventException("the value is not a JSON object");
        }
        return node;
    }
}
