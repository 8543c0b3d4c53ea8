package de.efa.platform.audit;

import de.efa.infra.test.TestTokens;
import de.efa.platform.support.Sql;
import de.efa.platform.support.TestWrites;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** GET /api/v1/audit: filters, order, paging, CSV, and who may read it. */
@QuarkusTest
class AuditResourceTest {

    @Inject
    AuditTrail auditTrail;
    @Inject
    TestWrites writes;
    @Inject
    Sql sql;

    private String actor;

    /** Three entries of one actor at known times: a thing created, changed, and another thing created. */
    @BeforeEach
    void entries() {
        actor = "tester-" + UUID.randomUUID();
        record("thing.create", "thing:a", "created", Map.of(), "2026-11-26T10:00:00Z");
        record("thing.update", "thing:a", "updated", Map.of("name", "Amt, \"Nord\""), "2026-11-26T11:00:00Z");
        record("gadget.create", "gadget:b", "created", Map.of(), "2026-11-26T12:00:00Z");
    }

    @Test
    void an_operator_reads_the_entries_newest_first_filtered_by_actor_time_and_target() {
        operator().queryParam("actor", actor).get("/api/v1/audit")
                .then().statusCode(200).contentType("application/json")
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.action", contains("gadget.create", "thing.update", "thing.create"))
                .body("items[0].actor", equalTo(actor)).body("items[0].actorRole", equalTo("system"))
                .body("items[0].target", equalTo("gadget:b")).body("items[0].at", equalTo("2026-11-26T12:00:00Z"))
                .body("items[1].details.name", equalTo("Amt, \"Nord\""));

        operator().queryParam("actor", actor).queryParam("from", "2026-11-26T11:00:00Z")
                .queryParam("to", "2026-11-26T12:00:00Z").get("/api/v1/audit")
                .then().statusCode(200).body("items.action", contains("thing.update"));
        operator().queryParam("actor", actor).queryParam("target", "thing").get("/api/v1/audit")
                .then().statusCode(200).body("items.action", contains("thing.update", "thing.create"));
        operator().queryParam("actor", actor).queryParam("target", "gadget:b").get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(1)).body("items.outcome", contains("created"));
        operator().queryParam("actor", actor).queryParam("page", 1).queryParam("size", 2).get("/api/v1/audit")
                .then().statusCode(200).body("total", equalTo(3)).body("items.action", contains("thing.create"));
    }

    @Test
    void entries_of_the_same_moment_are_ordered_by_id() {
        List<String> ids = sql.strings("SELECT id::text FROM audit_entry WHERE actor = ?", actor);
        sql.update("UPDATE audit_entry SET at = '2026-11-26T10:00:00Z' WHERE actor = ?", actor);

        List<String> read = operator().queryParam("actor", actor).get("/api/v1/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(read).containsExactlyElementsOf(sql.strings(
                "SELECT id::text FROM audit_entry WHERE actor = ? ORDER BY id DESC", actor));
        assertThat(read).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void with_accept_text_csv_every_matching_entry_comes_as_csv() throws IOException {
        Response answer = operator().accept("text/csv").queryParam("actor", actor).queryParam("size", 1)
                .get("/api/v1/audit");
        answer.then().statusCode(200).contentType(startsWith("text/csv"));

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(answer.asString())).getRecords();
        assertThat(answer.asString()).startsWith(String.join(",", AuditCsv.HEADER) + "\r\n");
        assertThat(rows).extracting(row -> row.get("action"))
                .as("page and size apply to JSON only").containsExactly("gadget.create", "thing.update", "thing.create");
        assertThat(rows.get(1).get("details")).isEqualTo("{\"name\":\"Amt, \\\"Nord\\\"\"}");
        assertThat(rows.get(1).get("at")).isEqualTo("2026-11-26T11:00:00Z");
        assertThat(rows.get(1).get("onBehalfOf")).isEmpty();

        operator().accept("text/csv, application/json;q=0.5").queryParam("actor", actor).get("/api/v1/audit")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        operator().accept("*/*").queryParam("actor", actor).get("/api/v1/audit")
                .then().statusCode(200).contentType("application/json");
    }

    @Test
    void a_query_it_cannot_read_is_a_400_naming_each_parameter() {
        operator().queryParam("from", "gestern").queryParam("target", "Kein Typ").queryParam("size", 0)
                .get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/validation"))
                .body("violations.field", containsInAnyOrder("from", "target", "size"));
        operator().accept("text/csv").queryParam("from", "2026-11-27T00:00:00Z").queryParam("to", "2026-11-26T00:00:00Z")
                .get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"))
                .body("violations[0].message", equalTo("must not be after to"));
    }

    @Test
    void a_time_outside_the_years_1_to_9999_is_a_400_naming_it_not_a_database_error() {
        // Past PostgreSQL's last year; and one whose UTC time is past the last year Java can give an offset to.
        for (String time : List.of("+300000-01-01T00:00:00Z", "+999999999-12-31T23:59:59-18:00",
                "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z")) {
            operator().queryParam("from", time).get("/api/v1/audit")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("from"));
            operator().accept("text/csv").queryParam("to", time).get("/api/v1/audit")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", contains("to"));
        }
        operator().queryParam("from", "0001-01-01T00:00:00Z").queryParam("to", "9999-12-31T23:59:59.999999Z")
                .get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void a_control_character_in_a_filter_is_a_400_not_a_database_error() {
        operator().queryParam("actor", "a\u0000b").queryParam("target", "service:x\u0000").get("/api/v1/audit")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("actor", "target"));
    }

    @Test
    void only_operators_read_the_audit_trail() {
        given().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
        given().accept("text/csv").get("/api/v1/audit").then().statusCode(401);
        given().auth().oauth2(TestTokens.provider("akdb")).get("/api/v1/audit")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.municipality("14713000")).get("/api/v1/audit").then().statusCode(403);
        operator().get("/api/v1/audit").then().statusCode(200);
    }

    private void record(String action, String target, String outcome, Map<String, ?> details, String at) {
        AuditRef ref = AuditRef.parse(target);
        writes.run(() -> auditTrail.record(Actor.system(actor), action, ref, outcome, details));
        sql.update("UPDATE audit_entry SET at = ?::timestamptz WHERE actor = ? AND action = ? AND target_id = ?", at,
                actor, action, ref.id());
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.operator());
    }
}
