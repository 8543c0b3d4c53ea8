package de.efa.portal.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.FormField;
import de.efa.portal.service.SchemaForm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One entry of a subscription's configuration as a page shows it, read-only: what was entered, under the label and in
 * the groups the plan's schema gives its form, a choice by the label it was offered with. What the schema does not
 * describe (no schema at hand, or one changed since) is shown under its key, so that nothing entered goes unseen.
 */
public record Setting(String label, String value, List<Setting> children) {

    private static final String KEY_PREFIX = SchemaForm.ROOT + ".";

    public boolean group() {
        return !children.isEmpty();
    }

    /** The configuration {@code parameters}, labelled by {@code schema} (null: none at hand). */
    static List<Setting> of(JsonNode schema, JsonNode parameters) {
        Map<String, String> values = new TreeMap<>(SchemaForm.values(parameters));
        Set<String> shown = new HashSet<>();
        List<Setting> settings = new ArrayList<>(entered(new SchemaForm(schema).fields(values, FormErrors.none()),
                shown));
        values.forEach((key, value) -> {
            if (!shown.contains(key)) {
                settings.add(new Setting(key.startsWith(KEY_PREFIX) ? key.substring(KEY_PREFIX.length()) : key, value,
                        List.of()));
            }
        });
        return settings;
    }

    private static List<Setting> entered(List<FormField> fields, Set<String> shown) {
        List<Setting> settings = new ArrayList<>();
        for (FormField field : fields) {
            if (field.group()) {
                List<Setting> children = entered(field.children(), shown);
                if (!children.isEmpty()) {
                    settings.add(new Setting(field.label(), null, children));
                }
            } else if (field.value() != null) {
                shown.add(field.name());
                settings.add(new Setting(field.label(), shownValue(field), List.of()));
            }
        }
        return settings;
    }

    /** A choice reads as it was offered, a list (one entry a line in the form) as a comma-separated line. */
    private static String shownValue(FormField field) {
        if (field.choice()) {
            return field.options().stream().filter(field::selected).map(FormField.Option::label).findFirst()
                    .orElse(field.value());
        }
        return field.list() ? String.join(", ", field.value().split("\n")) : field.value();
    }
}
