package de.efa.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    private static final UUID ID = UUID.fromString("0f5a3c2e-6b1d-4e8f-9a7c-2d4b6e8f0a1c");

    @Test
    void a_header_row_then_one_row_per_entry_with_crlf_and_empty_fields_for_what_is_absent() throws IOException {
        StringBuilder out = new StringBuilder();
        AuditCsv csv = new AuditCsv(out);
        csv.print(new AuditEntry(ID, Instant.parse("2026-11-26T10:15:30.123456Z"), "operator", "operator", null,
                "service.publish", "service:5d1c", "PUBLISHED", null));
        csv.flush();

        assertThat(out.toString()).isEqualTo("id,at,actor,actorRole,onBehalfOf,action,target,outcome,details\r\n"
                + ID + ",2026-11-26T10:15:30.123456Z,operator,operator,,service.publish,service:5d1c,PUBLISHED,\r\n");
    }

    @Test
    void fields_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_as_they_were() throws IOException {
        String details = "{\"reason\":\"Vertrag \\\"alt\\\", gekündigt\\nab 2027\"}";
        String actor = "Amt, \"Nord\"\r\nzweite Zeile";
        StringBuilder out = new StringBuilder();
        AuditCsv csv = new AuditCsv(out);
        csv.print(new AuditEntry(ID, Instant.parse("2026-11-26T10:15:30Z"), actor, "system", "tenant:14713000",
                "subscription.cancel", "subscription:1", "CANCELLATION_REQUESTED", new ObjectMapper().readTree(details)));
        csv.flush();

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo(actor);
            assertThat(row.get("details")).isEqualTo(details);
            assertThat(row.get("onBehalfOf")).isEqualTo("tenant:14713000");
        });
        assertThat(out.toString()).contains("\"Amt, \"\"Nord\"\"\r\nzweite Zeile\"");
    }
}
