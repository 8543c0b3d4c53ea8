package de.efa.tenant.rest;

import de.efa.infra.test.TestTokens;
import de.efa.tenant.support.Api;
import de.efa.tenant.support.Db;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** POST /tenants/import: the municipalities of a directory file become ACTIVE tenants, once. */
@QuarkusTest
class TenantImportTest {

    static final String HEADER = "ags,name,land_code,population,source_year\n";
    static final String IMPORT = "/api/v1/tenants/import";
    static final String CSV = "text/csv; charset=UTF-8";

    @Inject
    AgroalDataSource dataSource;

    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
    }

    static ValidatableResponse send(String csv) {
        return given().auth().oauth2(TestTokens.operator()).contentType(CSV).body(csv).post(IMPORT).then();
    }

    @Test
    void importingAFileTwiceRegistersItsMunicipalitiesOnce() {
        String csv = HEADER + "13800001,\"Neustadt, Stadt\",13,12345,2024\n"
                + "13800002,Dorf am See,13,678,2024\n";

        send(csv).statusCode(200).body("created", equalTo(2)).body("existing", equalTo(0))
                .body("rejected", equalTo(List.of()));

        Api.asOperator().get("/api/v1/tenants/13800001").then().statusCode(200)
                .body("name", equalTo("Neustadt, Stadt"))
                .body("kind", equalTo("STADT"))
                .body("land.code", equalTo("13"))
                .body("land.name", equalTo("Mecklenburg-Vorpommern"))
                .body("population", equalTo(12_345))
                .body("contactEmail", nullValue())
                .body("status", equalTo("ACTIVE"));
        Api.asOperator().get("/api/v1/tenants/13800002").then().body("kind", equalTo("GEMEINDE"))
                .body("status", equalTo("ACTIVE"));
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'tenant.import' AND actor = 'operator' "
                + "AND target_id IN ('13800001', '13800002') AND outcome = 'ACTIVE'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'tenant-file.import' "
                + "AND details ->> 'created' = '2' AND details ->> 'rejected' = '0'")).isEqualTo(1);

        send(csv.replace("12345", "99999")).statusCode(200).body("created", equalTo(0)).body("existing", equalTo(2));

        Api.asOperator().get("/api/v1/tenants/13800001").then().body("population", equalTo(12_345));
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_id IN ('13800001', '13800002')"))
                .isEqualTo(2);
    }

    @Test
    void badLinesAreRejectedWithTheirNumbersAndTheGoodOnesImported() {
        send(HEADER + "13800011,Gut,13,100,2024\n"
                + "1234,Kurz,13,1,2024\n"
                + "13800012,,13,zwölf,2024\n"
                + "13800013,Falsches Land,14,1,2024\n"
                + "13800014,Auch gut,13,0,2024\n"
                + "13800011,Doppelt,13,100,2024\n")
                .statusCode(200)
                .body("created", equalTo(2))
                .body("existing", equalTo(0))
                .body("rejected.line", equalTo(List.of(3, 4, 5, 7)))
                .body("rejected[0].reason", equalTo("ags '1234' must be 8 digits"))
                .body("rejected[1].reason", equalTo("name must not be blank; population 'zwölf' is not a whole "
                        + "number of 0 or more"))
                .body("rejected[2].reason", equalTo("land_code '14' is not the Land of AGS 13800013 (13)"))
                .body("rejected[3].reason", equalTo("AGS 13800011 is on line 2 already"));

        assertThat(db.tenants("13800011")).isEqualTo(1);
        assertThat(db.tenants("13800014")).isEqualTo(1);
        assertThat(db.tenants("13800012")).isZero();
        assertThat(db.tenants("13800013")).isZero();
    }

    @Test
    void noDirectoryAtAllIs400AndRegistersNothing() {
        send("ags;name\n13800021;Semikolon\n").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/malformed-csv"))
                .body("violations[0].field", equalTo("line 1"));
        send("").statusCode(400).body("violations[0].message", equalTo("must be the header "
                + "ags,name,land_code,population,source_year, but the file is empty"));
        send(HEADER + "13800022,Gut,13,1,2024\n13800023,\"offen,13,1,2024\n").statusCode(400)
                .body("violations[0].message", equalTo("is not CSV: Missing closing quote for value"));
        assertThat(db.tenants("13800021") + db.tenants("13800022") + db.tenants("13800023")).isZero();
    }

    @Test
    void aFileIsReadInTheCharsetItNamesAndOneThatIsNotUtf8WithoutOneIs400AndRegistersNothing() {
        byte[] latin1 = (HEADER + "13800051,Gut,13,1,2024\n13800052,Kölln,13,1,2024\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        // As curl sends a file: no charset named.
        RestAssuredConfig noCharset = RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false));

        given().config(noCharset).auth().oauth2(TestTokens.operator()).contentType("text/csv").body(latin1)
                .post(IMPORT).then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://efa-marketplace.de/problems/malformed-csv"))
                .body("violations[0].field", equalTo("line 3"))
                .body("violations[0].message", startsWith("is not UTF-8"));
        assertThat(db.tenants("13800051") + db.tenants("13800052")).isZero();

        given().config(noCharset).auth().oauth2(TestTokens.operator()).contentType("text/csv; charset=ISO-8859-1")
                .body(latin1).post(IMPORT).then().statusCode(200).body("created", equalTo(2));
        Api.asOperator().get("/api/v1/tenants/13800052").then().statusCode(200).body("name", equalTo("Kölln"));
    }

    @Test
    void aFileWithANulCharacterIs400AndRegistersNothing() {
        send(HEADER + "13800041,Gut,13,1,2024\n13800042,Null\u0000dorf,13,1,2024\n").statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("line 3"))
                .body("violations[0].message", equalTo("must not contain the NUL character"));
        assertThat(db.tenants("13800041") + db.tenants("13800042")).isZero();
    }

    @Test
    void onlyAnOperatorImportsAndOnlyCsv() {
        String csv = HEADER + "13800031,Rechte,13,1,2024\n";
        given().contentType("text/csv").body(csv).post(IMPORT).then().statusCode(401)
                .contentType("application/problem+json");
        for (String token : List.of(TestTokens.municipality("13800031"), TestTokens.bundler("kisa"),
                TestTokens.provider("akdb"), TestTokens.withoutRole())) {
            given().auth().oauth2(token).contentType("text/csv").body(csv).post(IMPORT).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Api.asOperator().body(Map.of("ags", "13800031")).post(IMPORT).then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(db.tenants("13800031")).isZero();
    }

    @Test
    void aRetriedImportWithItsIdempotencyKeyGetsTheFirstAnswer() {
        String csv = HEADER + "13800041,Wiederholt,13,1,2024\n";
        given().auth().oauth2(TestTokens.operator()).contentType("text/csv").header("Idempotency-Key", "import-41")
                .body(csv).post(IMPORT).then().statusCode(200).body("created", equalTo(1))
                .header("Idempotent-Replayed", nullValue());
        given().auth().oauth2(TestTokens.operator()).contentType("text/csv").header("Idempotency-Key", "import-41")
                .body(csv).post(IMPORT).then().statusCode(200).body("created", equalTo(1))
                .header("Idempotent-Replayed", equalTo("true"));
        given().auth().oauth2(TestTokens.operator()).contentType("text/csv").header("Idempotency-Key", "import-41")
                .body(csv + "13800042,Anders,13,1,2024\n").post(IMPORT).then().statusCode(422)
                .body("type", equalTo("https://efa-marketplace.de/problems/idempotency-key-reused"));
        assertThat(db.tenants("13800042")).isZero();
    }
}
