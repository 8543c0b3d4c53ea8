package de.efa.portal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.portal.client.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaFormTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SchemaForm form(String schema) throws Exception {
        return new SchemaForm(JSON.readTree(schema));
    }

    @Test
    void referencesInsideTheSchemaAreFollowedAndTypesKeptInTheJson() throws Exception {
        SchemaForm form = form("""
                {"type": "object", "$defs": {"plz": {"type": "string", "pattern": "^[0-9]{5}$"}},
                 "properties": {"plz": {"$ref": "#/$defs/plz"}, "anzahl": {"type": "integer"},
                   "satz": {"type": "number"}, "aktiv": {"type": "boolean"},
                   "stufe": {"enum": [1, 2, 3]}, "orte": {"type": "array", "items": {"type": "string"}}}}""");

        JsonNode parameters = form.parameters(Map.of("parameters.plz", "04109", "parameters.anzahl", "12",
                "parameters.satz", "2,5", "parameters.aktiv", "false", "parameters.stufe", "2",
                "parameters.orte", "Leipzig\n\nMarkkleeberg\n"));

        assertThat(parameters.toString()).isEqualTo(JSON.readTree("""
                {"plz": "04109", "anzahl": 12, "satz": 2.5, "aktiv": false, "stufe": 2,
                 "orte": ["Leipzig", "Markkleeberg"]}""").toString());
        assertThat(form.fields(Map.of(), FormErrors.none())).extracting(FormField::kind).containsExactly(
                FormField.Kind.TEXT, FormField.Kind.INTEGER, FormField.Kind.NUMBER, FormField.Kind.YES_NO,
                FormField.Kind.CHOICE, FormField.Kind.LIST);
    }

    @Test
    void aConfigurationInEffectFillsTheFormAsItWouldHaveBeenTypedAndComesBackTheSame() throws Exception {
        SchemaForm form = form("""
                {"type": "object", "properties": {"stelle": {"type": "object", "properties": {
                   "plz": {"type": "string"}, "anzahl": {"type": "integer"}, "satz": {"type": "number"},
                   "aktiv": {"type": "boolean"}, "stufe": {"enum": [1, 2, 3]},
                   "orte": {"type": "array", "items": {"type": "string"}}}}}}""");
        JsonNode inEffect = JSON.readTree("""
                {"stelle": {"plz": "04109", "anzahl": 12, "satz": 2.5, "aktiv": false, "stufe": 2,
                            "orte": ["Leipzig", "Markkleeberg"]}}""");

        Map<String, String> values = SchemaForm.values(inEffect);

        assertThat(values).containsEntry("parameters.stelle.plz", "04109")
                .containsEntry("parameters.stelle.aktiv", "false")
                .containsEntry("parameters.stelle.orte", "Leipzig\nMarkkleeberg");
        assertThat(form.parameters(values).toString()).isEqualTo(inEffect.toString());
        assertThat(SchemaForm.values(null)).isEmpty();
    }

    /** A choice whose values have labels, as docs/services.md describes a plan's parameters. */
    @Test
    void aOneOfOfConstantsWithTitlesIsAChoiceThatReadsItsTitlesAndSendsItsConstants() throws Exception {
        SchemaForm form = form("""
                {"type": "object", "properties": {
                   "art": {"type": "string", "title": "Art des Postfachs", "oneOf": [
                     {"const": "BUNDID", "title": "BundID"}, {"const": "FIT_CONNECT", "title": "FIT-Connect"},
                     {"const": "OSCI_XTA"}]},
                   "stufe": {"oneOf": [{"const": 1, "title": "niedrig"}, {"const": 2, "title": "hoch"}]}}}""");

        FormField art = form.fields(Map.of("parameters.art", "FIT_CONNECT"), FormErrors.none()).get(0);

        assertThat(art.label()).isEqualTo("Art des Postfachs");
        assertThat(art.kind()).isEqualTo(FormField.Kind.CHOICE);
        assertThat(art.options()).containsExactly(new FormField.Option("BUNDID", "BundID"),
                new FormField.Option("FIT_CONNECT", "FIT-Connect"), new FormField.Option("OSCI_XTA", "OSCI_XTA"));
        assertThat(art.options()).filteredOn(art::selected).extracting(FormField.Option::label)
                .containsExactly("FIT-Connect");
        assertThat(form.parameters(Map.of("parameters.art", "OSCI_XTA", "parameters.stufe", "2")))
                .isEqualTo(JSON.readTree("{\"art\": \"OSCI_XTA\", \"stufe\": 2}"));
    }

    @Test
    void aNumberThatIsNoNumberGoesAsTextSoThatTheApiNamesIt() throws Exception {
        JsonNode parameters = form("{\"type\": \"object\", \"properties\": {\"anzahl\": {\"type\": \"integer\"}}}")
                .parameters(Map.of("parameters.anzahl", "zwölf"));

        assertThat(parameters.get("anzahl").isTextual()).isTrue();
    }

    @Test
    void anEmptyOptionalGroupIsLeftOutAndAnEmptyRequiredOneSentEmpty() throws Exception {
        SchemaForm form = form("""
                {"type": "object", "required": ["stelle"], "properties": {
                   "stelle": {"type": "object", "properties": {"name": {"type": "string"}}},
                   "extra": {"type": "object", "properties": {"name": {"type": "string"}}}}}""");

        assertThat(form.parameters(Map.of("parameters.extra.name", " "))).isEqualTo(JSON.readTree("{\"stelle\": {}}"));
    }

    @Test
    void violationsLandAtTheirFieldsAndSubmittedValuesStay() throws Exception {
        SchemaForm form = form("""
                {"type": "object", "properties": {"stelle": {"type": "object", "title": "Zuständige Stelle",
                   "properties": {"telefonNummer": {"type": "string", "description": "Für Rückfragen"}}}}}""");
        FormErrors errors = FormErrors.of(new Problem(null, null, 422, null, List.of(
                new Problem.Violation("parameters.stelle.telefonNummer", "must be at most 50 characters long"))));

        FormField group = form.fields(Map.of("parameters.stelle.telefonNummer", "0341"), errors).get(0);
        FormField phone = group.children().get(0);

        assertThat(group.label()).isEqualTo("Zuständige Stelle");
        assertThat(phone.label()).isEqualTo("Telefon Nummer");
        assertThat(phone.value()).isEqualTo("0341");
        assertThat(phone.error()).isEqualTo("Bitte höchstens 50 Zeichen angeben.");
        assertThat(phone.describedBy()).isEqualTo(phone.hintId() + " " + phone.errorId());
    }
}
