package de.efa.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Headers of a forwarded record as they are stored with it: JSON {@code [[name, value], …]}, in their order. */
public final class HeadersJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {
    };

    private HeadersJson() {
    }

    public static String write(List<Header> headers) {
        if (headers == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(headers.stream().map(h -> Arrays.asList(h.name(), h.value())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers could not be written as JSON", e);
        }
    }

    public static List<Header> read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            List<Header> headers = new ArrayList<>();
            for (List<String> pair : JSON.readValue(stored, PAIRS)) {
                headers.add(new Header(pair.get(0), pair.get(1)));
            }
            return headers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not readable", e);
        }
    }
}
