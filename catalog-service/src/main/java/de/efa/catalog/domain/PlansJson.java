package de.efa.catalog.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * Plans as the JSON text they are stored and answered in. They are written once per change and read on every
 * search hit, so reads pass the text through instead of parsing and writing it again.
 */
public final class PlansJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlansJson() {
    }

    public static String of(List<Plan> plans) {
        try {
            return JSON.writeValueAsString(plans);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plans could not be written as JSON", e);
        }
    }
}
