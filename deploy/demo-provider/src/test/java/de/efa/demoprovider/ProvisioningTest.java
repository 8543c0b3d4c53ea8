package de.efa.demoprovider;

import de.efa.demoprovider.domain.InstanceId;
import de.efa.demoprovider.domain.OperationState;
import de.efa.demoprovider.service.BrokerService;
import de.efa.demoprovider.service.LastOperation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.efa.demoprovider.BrokerCalls.BROKER;
import static de.efa.demoprovider.BrokerCalls.asMarketplace;
import static de.efa.demoprovider.BrokerCalls.awaitEnd;
import static de.efa.demoprovider.BrokerCalls.body;
import static de.efa.demoprovider.BrokerCalls.lastOperation;
import static de.efa.demoprovider.BrokerCalls.newInstanceId;
import static de.efa.demoprovider.BrokerCalls.provision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** OSB v2.17 provisioning, polling and fetching, as the marketplace drives them. */
@QuarkusTest
class ProvisioningTest extends QuickOperations {

    @Inject
    BrokerService broker;

    @Inject
    UserTransaction transaction;

    private static final String SERVICE = "5d1c9a6e-0b7f-4a59-8f7e-2d1c3b4a5e6f";

    @Test
    void provisioningIsAcceptedThenSucceedsAndARepeatIsAnswered200() {
        String id = newInstanceId();

        String operation = provision(id, body(SERVICE, "standard", "14713000"))
                .statusCode(202)
                .body("dashboard_url", equalTo("http://localhost:8090/dashboard/" + id))
                .body("operation", not(emptyOrNullString()))
                .extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("succeeded");
        lastOperation(id, operation).statusCode(200)
                .body("description", equalTo("The demo SaaS instance is ready"))
                .header("Retry-After", nullValue());
        assertThat(rows.instanceState(id)).contains("PROVISIONED");

        provision(id, body(SERVICE, "standard", "14713000"))
                .statusCode(200)
                .body("dashboard_url", equalTo("http://localhost:8090/dashboard/" + id))
                .body("operation", nullValue());
        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }

    @Test
    void aRepeatWhileProvisioningRunsGetsTheSameOperationAndRetryAfter() {
        BrokerCalls.behaveSlowlyProvisioning();
        String id = newInstanceId();

        String first = provision(id, body(SERVICE, "standard", "14713000")).statusCode(202).extract().path("operation");
        String again = provision(id, body(SERVICE, "standard", "14713000")).statusCode(202).extract().path("operation");

        assertThat(again).isEqualTo(first);
        assertThat(rows.instanceState(id)).contains("PROVISIONING");
        assertThat(rows.operationsOf(id)).isEqualTo(1);
        lastOperation(id, first).statusCode(200)
                .body("state", equalTo("in progress"))
                .body("description", equalTo("Setting up the demo SaaS instance"))
                .header("Retry-After", matchesPattern("\\d+"));
        lastOperation(id, null).statusCode(200).body("state", equalTo("in progress"));
    }

    @Test
    void numbersAndKeyOrderDoNotMakeARepeatAConflict() {
        BrokerCalls.behaveSlowlyProvisioning();
        String id = newInstanceId();
        Map<String, Object> first = new HashMap<>(body(SERVICE, "standard", "14713000"));
        first.put("parameters", Map.of("gebuehrCents", 2500, "postfach", "a@b.de"));
        Map<String, Object> repeat = new HashMap<>(first);
        repeat.put("parameters", Map.of("postfach", "a@b.de", "gebuehrCents", 2500.0));

        provision(id, first).statusCode(202);
        provision(id, repeat).statusCode(202);
    }

    @Test
    void theSameIdWithAnotherBodyIsAConflictAndChangesNothing() {
        String id = newInstanceId();
        provision(id, body(SERVICE, "standard", "14713000")).statusCode(202);

        provision(id, body(SERVICE, "premium", "14713000"))
                .statusCode(409)
                .body("error", equalTo("Conflict"))
                .body("description", containsString(id));
        provision(id, body(SERVICE, "standard", "05315000")).statusCode(409);

        assertThat(rows.planOf(id)).contains("standard");
        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }

    @Test
    void withoutAcceptsIncompleteTheAnswerIsAsyncRequiredAndNothingIsCreated() {
        String id = newInstanceId();

        asMarketplace().contentType(ContentType.JSON).body(body(SERVICE, "standard", "14713000"))
                .when().put(BROKER + "/service_instances/{id}", id)
                .then().statusCode(422)
                .contentType(ContentType.JSON)
                .body("error", equalTo("AsyncRequired"))
                .body("description", containsString("accepts_incomplete=true"));
        asMarketplace().contentType(ContentType.JSON).body(body(SERVICE, "standard", "14713000"))
                .queryParam("accepts_incomplete", false)
                .when().put(BROKER + "/service_instances/{id}", id)
                .then().statusCode(422).body("error", equalTo("AsyncRequired"));

        assertThat(rows.instanceState(id)).isEmpty();
    }

    @Test
    void aMalformedBodyIsABadRequestNamingTheFieldsAndNothingIsCreated() {
        String id = newInstanceId();

        provision(id, Map.of("plan_id", "", "parameters", "not an object"))
                .statusCode(400)
                .body("error", equalTo("BadRequest"))
                .body("description", containsString("service_id"))
                .body("description", containsString("plan_id"))
                .body("description", containsString("parameters: must be a JSON object"));
        provision(id, "{not json").statusCode(400).body("error", equalTo("BadRequest"));
        provision(id, Map.of("service_id", List.of(1), "plan_id", "standard"))
                .statusCode(400).body("description", containsString("service_id"));

        assertThat(rows.instanceState(id)).isEmpty();
    }

    @Test
    void aNulCharacterIsABadRequestWhereverItIsSentAndNothingIsCreated() {
        String id = newInstanceId();
        Map<String, Object> nulInContext = new HashMap<>(body(SERVICE, "standard", "14713000"));
        nulInContext.put("context", Map.of("ags", "14713000\0"));

        provision(id, body(SERVICE, "stan\0dard", "14713000"))
                .statusCode(400).body("description", containsString("plan_id"));
        provision(id, nulInContext)
                .statusCode(400).body("description", containsString("context: must not contain the character U+0000"));
        asMarketplace().urlEncodingEnabled(false)
                .when().get(BROKER + "/service_instances/bad%00id")
                .then().statusCode(400).body("description", containsString("instance_id"));
        asMarketplace().urlEncodingEnabled(false)
                .when().get(BROKER + "/service_instances/bad%00id/last_operation")
                .then().statusCode(400).body("error", equalTo("BadRequest"));

        assertThat(rows.instanceState(id)).isEmpty();
    }

    @Test
    void unknownFieldsOfTheOsbBodyAreIgnored() {
        Map<String, Object> withExtras = new HashMap<>(body(SERVICE, "standard", "14713000"));
        withExtras.put("organization_guid", "org");
        withExtras.put("space_guid", "space");
        withExtras.put("maintenance_info", Map.of("version", "1.0.0"));

        provision(newInstanceId(), withExtras).statusCode(202);
    }

    @Test
    void aPlanEndingInFailsEndsFailedWithTheReason() {
        String id = newInstanceId();

        String operation = provision(id, body(SERVICE, "standard-fails", "14713000"))
                .statusCode(202).extract().path("operation");

        assertThat(awaitEnd(id, operation)).isEqualTo("failed");
        lastOperation(id, operation).statusCode(200)
                .body("description", containsString("plan 'standard-fails'"))
                .body("description", containsString("fails on purpose"));
        assertThat(rows.instanceState(id)).contains("FAILED");
        asMarketplace().when().get(BROKER + "/service_instances/{id}", id).then().statusCode(404);
    }

    @Test
    void aFailedInstanceIsProvisionedAgainOnARepeat() {
        String id = newInstanceId();
        String failed = provision(id, body(SERVICE, "basis-fails", "14713000")).statusCode(202).extract().path("operation");
        assertThat(awaitEnd(id, failed)).isEqualTo("failed");

        String again = provision(id, body(SERVICE, "basis-fails", "14713000")).statusCode(202).extract().path("operation");

        assertThat(again).isNotEqualTo(failed);
        assertThat(rows.operationsOf(id)).isEqualTo(2);
    }

    @Test
    void concurrentIdenticalRequestsCreateOneInstance() throws Exception {
        BrokerCalls.behaveSlowlyProvisioning();
        String id = newInstanceId();
        Callable<String> request = () -> provision(id, body(SERVICE, "standard", "14713000"))
                .statusCode(202).extract().path("operation");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = pool.invokeAll(Collections.nCopies(8, request));
            String first = answers.get(0).get();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows.operationsOf(id)).isEqualTo(1);
    }

    @Test
    void lastOperationOfAnUnknownInstanceIsGoneAndOfAForeignOperationABadRequest() {
        lastOperation(newInstanceId(), null).statusCode(410).body(equalTo("{}"));
        lastOperation(newInstanceId(), "3f0c8b2a-5e1d-4c7a-9b6e-1a2b3c4d5e6f").statusCode(410);

        String id = newInstanceId();
        provision(id, body(SERVICE, "standard", "14713000")).statusCode(202);
        String other = newInstanceId();
        String foreign = provision(other, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation");
        lastOperation(id, foreign).statusCode(400).body("error", equalTo("BadRequest"));
        lastOperation(id, "task_10").statusCode(400).body("error", equalTo("BadRequest"));
    }

    @Test
    void onlyAProvisionedInstanceCanBeFetched() {
        BrokerCalls.behaveSlowlyProvisioning();
        String id = newInstanceId();
        provision(id, body(SERVICE, "standard", "14713000")).statusCode(202);
        asMarketplace().when().get(BROKER + "/service_instances/{id}", id).then().statusCode(404)
                .body("error", equalTo("NotFound"));
        asMarketplace().when().get(BROKER + "/service_instances/{id}", newInstanceId()).then().statusCode(404);

        BrokerCalls.behaveQuickly();
        String ready = newInstanceId();
        String operation = provision(ready, body(SERVICE, "standard", "14713000")).statusCode(202)
                .extract().path("operation");
        awaitEnd(ready, operation);
        asMarketplace().when().get(BROKER + "/service_instances/{id}", ready).then().statusCode(200)
                .body("service_id", equalTo(SERVICE))
                .body("plan_id", equalTo("standard"))
                .body("dashboard_url", endsWith("/dashboard/" + ready))
                .body("parameters.postfach", equalTo("buergeramt@leipzig.de"))
                .body("suspended", equalTo(false));
    }

    @Test
    void theCatalogDescribesTheDemoOffering() {
        asMarketplace().when().get(BROKER + "/catalog").then().statusCode(200)
                .body("services[0].name", equalTo("efa-demo-saas"))
                .body("services[0].bindable", equalTo(false))
                .body("services.instances_retrievable", everyItem(equalTo(true)))
                .body("services.plan_updateable", everyItem(equalTo(true)))
                .body("services.allow_context_updates", everyItem(equalTo(true)))
                .body("services[0].plans.id", hasItems("standard", "standard-fails"))
                .body("services[0].plans[0].description", notNullValue());
    }

    @Test
    void aPollOnceTheOperationsTimeHasComeFindsItEnded() throws Exception {
        String id = newInstanceId();
        UUID operation = UUID.randomUUID();
        Instant now = Instant.now();
        // Written and polled in one transaction, rolled back: the completion worker never sees the operation, so
        // only the poll itself can have ended it.
        transaction.begin();
        try {
            try (Connection connection = dataSource.getConnection()) {
                rows.writeRunningProvisioning(connection, BrokerCalls.PROVIDER, id, operation, now.minusSeconds(2),
                        now.minusMillis(1));
            }

            LastOperation answer = broker.lastOperation(BrokerCalls.PROVIDER, new InstanceId(id),
                    operation.toString());

            assertThat(answer.state()).isEqualTo(OperationState.SUCCEEDED);
            assertThat(answer.retryAfter()).isEmpty();
            assertThat(rows.instanceState(id)).contains("PROVISIONED");
        } finally {
            transaction.rollback();
        }
    }
}
