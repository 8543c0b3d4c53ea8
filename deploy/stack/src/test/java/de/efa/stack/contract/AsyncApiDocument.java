package de.efa.stack.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import de.efa.stack.StackConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The repository's AsyncAPI document, read as data: which event types it describes on which topic. */
public final class AsyncApiDocument {

    public static final Path LOCATION = StackConfig.defaultRepositoryRoot()
            .resolve("deploy/asyncapi/efa-marketplace.asyncapi.yaml");

    private final JsonNode document;

    private AsyncApiDocument(JsonNode document) {
        this.document = document;
    }

    public static AsyncApiDocument read() {
        try {
            return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(LOCATION.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }

    /** Every described CloudEvents type, with the topic its channel is on. */
    public Map<String, String> topicByEventType() {
        Map<String, String> topics = new HashMap<>();
        document.path("channels").forEach(channel -> channel.path("messages").forEach(reference -> {
            JsonNode message = resolve(reference.path("$ref").asText());
            topics.put(message.path("name").asText(), channel.path("address").asText());
        }));
        return topics;
    }

    public Set<String> topics() {
        Set<String> topics = new java.util.HashSet<>();
        document.path("channels").forEach(channel -> topics.add(channel.path("address").asText()));
        return topics;
    }

    /** The payload schema file a message points to, relative to the document. */
    public Path payloadSchema(String eventType) {
        for (JsonNode message : document.path("components").path("messages")) {
            if (message.path("name").asText().equals(eventType)) {
                return LOCATION.getParent().resolve(message.path("payload").path("$ref").asText()).normalize();
            }
        }
        throw new IllegalArgumentException(eventType + " is not described");
    }

    private JsonNode resolve(String localReference) {
        if (!localReference.startsWith("#/")) {
            throw new IllegalArgumentException("only local references are used here: " + localReference);
        }
        return document.at(localReference.substring(1));
    }
}
