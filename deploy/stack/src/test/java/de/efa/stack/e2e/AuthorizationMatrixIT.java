package de.efa.stack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.infra.keycloak.TokenClient;
import de.efa.stack.Service;
import de.efa.stack.Stack;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;

import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Every operation of the three services' OpenAPI documents, called by every demo identity, in its own scope and in a
 * foreign one where the path names a scope, answers as the document says: anonymous 401; a token the service does
 * not take (meant for another service, forged, or expired: a real token of the realm whose lifespan is over) 401, on
 * the catalog's public reads too; a role the operation does not name 403; a named role in its own scope neither 401
 * nor 403; in a foreign scope the refusal the operation's {@code x-efa-scope} states. The foreign side asks for real
 * data of others, set up below: another municipality's subscription (also under the caller's own AGS), another
 * provider's interest, a rollout the bundler did not order, another bundler and its mandate; an operator-only path
 * is asked with a real id where there is one (another municipality's provisioning job, a provider); and no refusal
 * shows anything of that data the caller did not name itself. The matrix is built from the documents, so a new
 * operation is checked the moment it exists; one that a municipality, bundler or provider may call on a path with
 * parameters and that states no scope fails it, as does a path parameter this test cannot fill. A call that a
 * permitted identity makes in its own scope carries a body that fails validation, a stale {@code If-Match} or an
 * unknown id, so that its answer proves authorization passed while nothing changes; no change is left in any audit
 * trail.
 */
@ExtendWith(StackExtension.class)
class AuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Service> SERVICES = List.of(Service.CATALOG, Service.TENANT, Service.MARKETPLACE);

    /** kisa's client here: its mandate is set up below, as the demo data of the local stack has it. */
    private static final String BAD_LAUSICK = "14729010";
    /** A valid AGS that nobody orders for or registers: an operator's steps on it change nothing. */
    private static final String NOBODYS_AGS = "16999999";
    private static final String UNKNOWN = "unbekannt";
    /** The municipality whose data is the foreign scope of every municipality and of kisa (it gave kisa no mandate). */
    private static final String GRIMMA = "14729160";
    private static final String GRIMMA_NAME = "Grimma, Stadt";
    private static final String GRIMMA_LEITWEG_ID = "14729160-GRIMMA-07";
    private static final String GRIMMA_OFFICE = "Stadt Grimma, Bauaufsichtsamt";
    /** kisa's foreign bundler, to which Grimma gave a mandate. */
    private static final String OTHER_BUNDLER = "zv-muldental";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * Bodies that pass validation, sent on the foreign side of operations that validate the body before they look at
     * whose the resource is: with the usual invalid body the answer would be 400 and prove nothing about scope.
     */
    private static final Map<String, String> VALID_BODIES = Map.of(
            "POST /api/v1/provider/interests/{id}/offer", "{\"conditions\":{\"note\":\"Angebot der Matrix\"}}",
            "POST /api/v1/provider/interests/{id}/decline", "{\"reason\":\"Ablehnung der Matrix\"}");

    /**
     * Operations a permitted identity is not sent, because no request to them can fail after authorization: each
     * starts work. Their refusals (anonymous, wrong role) are still checked.
     */
    private static final Set<String> STARTS_WORK_WHATEVER_IS_SENT = Set.of(
            "marketplace-service POST /api/v1/provisioning/reconciliations");

    private static Stack stack;
    private static Accounts accounts;
    private static List<Identity> identities;
    private static String akdbService;
    private static String dataportService;
    /** Grimma's interest in a service of akdb: its foreign subscription for the municipalities and kisa. */
    private static String interestInAkdbs;
    private static String interestInDataports;
    /** A rollout the operator ordered, which kisa must not see. */
    private static String operatorsRollout;
    /** The provisioning job of Grimma's subscription, SUCCEEDED: an operator's resource that others must not see. */
    private static String grimmasJob;
    /** What the foreign data holds; a refusal shows none of it, except what the caller named in the path itself. */
    private static Set<String> foreignValues;

    /**
     * A demo account as the matrix sees it: its token (null: anonymous), what the token says, and whether no service
     * may take it (forged or expired).
     */
    private record Identity(String name, String token, Set<String> roles, Set<String> audience, String ags,
                            String providerId, String bundlerId, boolean invalid) {

        static Identity of(String name, String token) {
            JsonNode claims = TokenClient.claims(token);
            Set<String> roles = new HashSet<>();
            claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
            Set<String> audience = new HashSet<>();
            if (claims.path("aud").isArray()) {
                claims.path("aud").forEach(aud -> audience.add(aud.asText()));
            } else if (claims.path("aud").isTextual()) {
                audience.add(claims.path("aud").asText());
            }
            return new Identity(name, token, roles, audience, text(claims, "ags"), text(claims, "provider_id"),
                    text(claims, "bundler_id"), false);
        }

        /** This identity's token, as the realm issued it, once its time is over. */
        Identity expired(String expiredToken) {
            Identity expired = of("expired " + name, expiredToken);
            // Else the 401s could have other causes than the expiry: a token of another audience, say.
            assertThat(List.of(expired.roles(), expired.audience(), String.valueOf(expired.ags())))
                    .as("claims of the expired token against the valid one")
                    .isEqualTo(List.of(roles, audience, String.valueOf(ags)));
            return new Identity(expired.name(), expiredToken, roles, audience, ags, providerId, bundlerId, true);
        }

        /** The token's claims as they are, under a signature the realm never made. */
        Identity underAForgedSignature() {
            String signature = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("gefälscht".getBytes(StandardCharsets.UTF_8));
            return new Identity("forged " + name, token.substring(0, token.lastIndexOf('.') + 1) + signature, roles,
                    audience, ags, providerId, bundlerId, true);
        }

        private static String text(JsonNode claims, String claim) {
            return claims.hasNonNull(claim) ? claims.path(claim).asText() : null;
        }
    }

    /** The kinds of resource a path's scope names ({@code x-efa-scope.resource}); NONE: the path names no scope. */
    private enum Scope { NONE, TENANT, SERVICE, BUNDLER, INTEREST, ROLLOUT }

    /**
     * An operation's {@code x-efa-scope} (de.efa.platform.rest.Scopes): the kind of resource, the path parameter that
     * names it, and what a caller of another scope is answered.
     */
    private record ScopeRule(Scope resource, String parameter, List<Integer> foreign) {

        static final ScopeRule NONE = new ScopeRule(Scope.NONE, null, List.of());

        /** "403", or "403 or 404": how {@link #mismatch} reads an expectation of one of several statuses. */
        String foreignRefusal() {
            return String.join(" or ", foreign.stream().map(String::valueOf).toList());
        }
    }

    /** Roles whose token names a scope (a claim {@code ags}, {@code bundler_id} or {@code provider_id}). */
    private static final Set<String> SCOPED_ROLES = Set.of("municipality", "bundler", "provider");

    private record Call(Service service, String method, String template, String path, Identity identity,
                        String scope, String expected, String contentType, String body, boolean ifMatch) {

        String describe() {
            return service.displayName() + " " + method + " " + path + " as " + identity.name() + " (" + scope + ")";
        }
    }

    @BeforeAll
    static void demoIdentitiesAndTheirData(Stack runningStack, Accounts demoAccounts) {
        stack = runningStack;
        accounts = demoAccounts;
        Providers.registered(stack, accounts);
        Bundlers.kisaRegistered(stack, accounts);
        akdbService = Providers.publishedByAkdb(stack, accounts, "matrix");
        dataportService = as(stack, Service.CATALOG, accounts.client("provider-dataport"))
                .body(ServiceFixture.fuehrerschein("matrix-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/services").then().statusCode(201).extract().path("id");
        as(stack, Service.TENANT, accounts.user("operator"))
                .body(Map.of("ags", BAD_LAUSICK, "name", "Bad Lausick, Stadt", "kind", "STADT", "population", 8036,
                        "contactEmail", "rathaus@bad-lausick.example"))
                .post("/api/v1/tenants").then().statusCode(anyOf(is(201), is(409)));
        as(stack, Service.TENANT, accounts.user("operator")).body(Map.of("bundlerId", "kisa"))
                .post("/api/v1/tenants/" + BAD_LAUSICK + "/mandates").then().statusCode(anyOf(is(201), is(409)));

        Instant foreignDataStart = Instant.now();
        foreignData();
        System.out.printf("Authorization matrix: foreign data set up in %d ms%n",
                Duration.between(foreignDataStart, Instant.now()).toMillis());

        identities = new ArrayList<>();
        identities.add(new Identity("anonymous", null, Set.of(), Set.of(), null, null, null, false));
        for (String user : List.of("leipzig", "koeln", "akdb-redaktion", "kisa", "operator")) {
            identities.add(Identity.of(user, accounts.user(user)));
        }
        for (String client : List.of("provider-dataport", "marketplace-service")) {
            identities.add(Identity.of(client, accounts.client(client)));
        }
        identities.add(Identity.of("operator", accounts.user("operator")).underAForgedSignature());
        identities.add(Identity.of("operator", accounts.user("operator")).expired(accounts.expiredUser("operator")));
    }

    /**
     * Data of others whose real ids the foreign side asks for: Grimma, with a mandate for another bundler and an
     * interest in a service of each provider, and a rollout the operator ordered. Grimma is registered by the
     * operator, as the municipalities the matrix acts as are left to the test classes that register them.
     */
    private static void foreignData() {
        String operator = accounts.user("operator");
        String akdbInterestService = publishedWithInterestPlan("provider-akdb");
        String dataportInterestService = publishedWithInterestPlan("provider-dataport");
        as(stack, Service.TENANT, operator)
                .body(Map.of("ags", GRIMMA, "name", GRIMMA_NAME, "kind", "STADT", "population", 27888,
                        "contactEmail", "rathaus@grimma.example", "leitwegId", GRIMMA_LEITWEG_ID))
                .post("/api/v1/tenants").then().statusCode(anyOf(is(201), is(409)));
        as(stack, Service.TENANT, operator).post("/api/v1/tenants/" + GRIMMA + "/approve")
                .then().statusCode(anyOf(is(200), is(409)));
        as(stack, Service.TENANT, operator)
                .body(Map.of("id", OTHER_BUNDLER, "name", "Zweckverband Muldental",
                        "contactEmail", "it@muldental.example"))
                .post("/api/v1/bundlers").then().statusCode(anyOf(is(201), is(409)));
        as(stack, Service.TENANT, operator).body(Map.of("bundlerId", OTHER_BUNDLER))
                .post("/api/v1/tenants/" + GRIMMA + "/mandates").then().statusCode(anyOf(is(201), is(409)));

        interestInAkdbs = interestOfGrimma(akdbInterestService);
        interestInDataports = interestOfGrimma(dataportInterestService);
        // Selecting only an AGS no tenant has, the rollout subscribes nobody.
        Map<String, Object> rollout = Map.of("serviceId", akdbService, "planId", "standard",
                "parameters", Map.of("zustaendigeStelle", GRIMMA_OFFICE),
                "select", Map.of("ags", List.of(NOBODYS_AGS)));
        operatorsRollout = onceTheTenantServiceKnowsTheService(
                () -> as(stack, Service.TENANT, operator).body(rollout).post("/api/v1/rollouts"), 422)
                .then().statusCode(202).extract().path("id");
        String subscription = as(stack, Service.TENANT, operator)
                .body(Map.of("serviceId", akdbService, "planId", "standard",
                        "parameters", Map.of("zustaendigeStelle", GRIMMA_OFFICE)))
                .post("/api/v1/tenants/" + GRIMMA + "/subscriptions").then().statusCode(202).extract().path("id");
        grimmasJob = succeededJobOf(subscription);
        foreignValues = Set.of(GRIMMA, GRIMMA_NAME, GRIMMA_LEITWEG_ID, GRIMMA_OFFICE, OTHER_BUNDLER,
                akdbInterestService, dataportInterestService, interestInAkdbs, interestInDataports, operatorsRollout,
                subscription);
    }

    /**
     * The subscription's provisioning job, once it SUCCEEDED: the marketplace-service does nothing more with it while
     * the matrix runs (the tenant-service may still apply its result, as the system, which the audit check leaves
     * aside), and the operator's retry of it is refused (409) instead of starting work.
     */
    private static String succeededJobOf(String subscription) {
        Map<String, Object> job = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> as(stack, Service.MARKETPLACE, accounts.user("operator"))
                        .queryParam("subscriptionId", subscription).get("/api/v1/provisioning/jobs")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")
                        .stream().findFirst().orElse(Map.of()),
                        found -> "SUCCEEDED".equals(found.get("status")) || "FAILED".equals(found.get("status")));
        assertThat(job.get("status")).as("Grimma's provisioning job %s", job).isEqualTo("SUCCEEDED");
        return (String) job.get("id");
    }

    private static String publishedWithInterestPlan(String provider) {
        String serviceId = as(stack, Service.CATALOG, accounts.client(provider))
                .body(ServiceFixture.withInterestPlan("matrix-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/services").then().statusCode(201).extract().path("id");
        as(stack, Service.CATALOG, accounts.client(provider)).post("/api/v1/services/" + serviceId + "/publish")
                .then().statusCode(200);
        return serviceId;
    }

    /** Declared by the operator in Grimma's name. */
    private static String interestOfGrimma(String serviceId) {
        Map<String, Object> interest = Map.of("serviceId", serviceId, "planId", "nachnutzung",
                "parameters", Map.of("zustaendigeStelle", GRIMMA_OFFICE));
        return onceTheTenantServiceKnowsTheService(() -> as(stack, Service.TENANT, accounts.user("operator"))
                .body(interest).post("/api/v1/tenants/" + GRIMMA + "/subscriptions"), 404)
                .then().statusCode(201).extract().path("id");
    }

    /**
     * The answer to an order, sent again while it is refused with {@code unknownService}: the tenant-service learns
     * of a published service from the catalog topic, a moment after it was published.
     */
    private static Response onceTheTenantServiceKnowsTheService(Callable<Response> order, int unknownService) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(order, response -> response.statusCode() != unknownService);
    }

    @Test
    void everyRoleInEveryScopeIsAnsweredAsDocumented() throws Exception {
        List<Call> calls = new ArrayList<>();
        for (Service service : SERVICES) {
            JsonNode document = document(service);
            document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                    operation -> calls.addAll(callsOf(service, path.getKey(), operation.getKey().toUpperCase(),
                            operation.getValue()))));
        }
        Instant start = Instant.now();

        List<String> mismatches = answer(calls);

        System.out.printf("Authorization matrix: %d calls (%d identities, %d services) in %d ms%n", calls.size(),
                identities.size(), SERVICES.size(), Duration.between(start, Instant.now()).toMillis());
        assertThat(mismatches).as("answers that differ from the documents").isEmpty();
        for (Service service : SERVICES) {
            assertThat(changesSince(service, start)).as("audit entries the matrix caused in " + service.displayName())
                    .isEmpty();
        }
    }

    private static List<Call> callsOf(Service service, String template, String method, JsonNode operation) {
        if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            return List.of();
        }
        Set<String> roles = documentedRoles(operation, service, method, template);
        ScopeRule rule = scopeRule(operation, service, method, template, roles);
        Scope scope = rule.resource();
        String contentType = null;
        String body = null;
        if (operation.has("requestBody")) {
            contentType = operation.path("requestBody").path("content").fieldNames().next();
            // Readable, so that the refusal of a foreign scope is not pre-empted by an unreadable body, and invalid.
            body = contentType.equals("application/json") ? "{}" : "keine;Gemeinden\n";
        }
        boolean ifMatch = StreamSupport.stream(operation.path("parameters").spliterator(), false)
                .anyMatch(parameter -> parameter.path("name").asText().equals("If-Match"));
        boolean startsWork = STARTS_WORK_WHATEVER_IS_SENT.contains(service.displayName() + " " + method + " " + template);

        List<Call> calls = new ArrayList<>();
        for (Identity identity : identities) {
            String refusal = refusal(service, roles, identity);
            if (refusal != null) {
                calls.add(call(service, method, template, identity, scope, "none", refusal, contentType, body,
                        ifMatch));
                continue;
            }
            if (startsWork && !method.equals("GET")) {
                continue;
            }
            boolean mutating = !method.equals("GET");
            String allowed = mutating ? "allowed, changing nothing" : "allowed";
            calls.add(call(service, method, template, identity, scope, "own", allowed, contentType, body, ifMatch));
            if (roles != null && scopedBy(scope, identity)) {
                calls.add(call(service, method, template, identity, scope, "foreign", foreignRefusal(rule, identity),
                        contentType, VALID_BODIES.getOrDefault(method + " " + template, body), ifMatch));
                if (scope == Scope.TENANT && template.contains("{id}")) {
                    // Another municipality's subscription under the caller's own AGS: as if it did not exist.
                    calls.add(call(service, method, template, identity, scope, "foreign id", "404", contentType,
                            body, ifMatch));
                }
            }
        }
        return calls;
    }

    /**
     * The roles an operation names ({@code security: [{bearer: [roles]}]}), or null for a public one
     * ({@code security: []}). A protected operation that names no role is a gap in its document.
     */
    private static Set<String> documentedRoles(JsonNode operation, Service service, String method, String template) {
        JsonNode security = operation.path("security");
        assertThat(security.isArray()).as("security of %s %s %s", service.displayName(), method, template).isTrue();
        if (security.isEmpty()) {
            return null;
        }
        Set<String> roles = new HashSet<>();
        security.forEach(requirement -> requirement.path("bearer").forEach(role -> roles.add(role.asText())));
        assertThat(roles).as("roles documented for %s %s %s", service.displayName(), method, template).isNotEmpty();
        return roles;
    }

    /**
     * What a caller who may not call the operation at all gets, or null when it may. A token the service does not
     * take is refused wherever it is sent, on a public operation too (docs/http.md).
     */
    private static String refusal(Service service, Set<String> roles, Identity identity) {
        if (identity.invalid()
                || identity.token() != null && !identity.audience().contains(service.displayName())) {
            return "401";
        }
        if (roles == null) {
            return null;
        }
        if (identity.token() == null) {
            return "401";
        }
        return identity.roles().stream().anyMatch(roles::contains) ? null : "403";
    }

    /**
     * The operation's scope as its document states it ({@code x-efa-scope}). An operation that a role with a scope
     * may call on a path with parameters must state one: otherwise the document leaves open whose resource it names.
     */
    private static ScopeRule scopeRule(JsonNode operation, Service service, String method, String template,
                                       Set<String> roles) {
        JsonNode scope = operation.path("x-efa-scope");
        String operationName = service.displayName() + " " + method + " " + template;
        if (scope.isMissingNode()) {
            boolean scopedCaller = roles != null && roles.stream().anyMatch(SCOPED_ROLES::contains);
            assertThat(scopedCaller && template.contains("{"))
                    .as("%s: callable by %s with a path parameter, but without x-efa-scope", operationName, roles)
                    .isFalse();
            return ScopeRule.NONE;
        }
        String resource = scope.path("resource").asText();
        assertThat(Set.of("tenant", "service", "bundler", "interest", "rollout"))
                .as("%s: the resource of its x-efa-scope", operationName).contains(resource);
        ScopeRule rule = new ScopeRule(Scope.valueOf(resource.toUpperCase()), scope.path("parameter").asText(),
                StreamSupport.stream(scope.path("foreign").spliterator(), false).map(JsonNode::asInt).toList());
        assertThat(template).as("%s: the parameter its x-efa-scope names", operationName)
                .contains("{" + rule.parameter() + "}");
        assertThat(rule.foreign()).as("%s: the answers of its x-efa-scope to another scope", operationName)
                .isNotEmpty().allMatch(status -> status == 403 || status == 404);
        return rule;
    }

    /**
     * The answer the rule states for the identity's foreign side. A foreign service is the other provider's: akdb's is
     * published (403), dataport's a draft, which its rule must answer as if it did not exist (404).
     */
    private static String foreignRefusal(ScopeRule rule, Identity identity) {
        if (rule.resource() != Scope.SERVICE) {
            return rule.foreignRefusal();
        }
        int expected = "akdb".equals(identity.providerId()) ? 404 : 403;
        assertThat(rule.foreign()).as("answers of the service scope to another provider's service").contains(expected);
        return String.valueOf(expected);
    }

    /** Whether the identity has a scope of the path's kind, so that a foreign one can be tried. */
    private static boolean scopedBy(Scope scope, Identity identity) {
        return switch (scope) {
            case TENANT -> identity.ags() != null || identity.bundlerId() != null;
            case SERVICE -> identity.providerId() != null;
            case BUNDLER, ROLLOUT -> identity.bundlerId() != null;
            case INTEREST -> identity.providerId() != null;
            case NONE -> false;
        };
    }

    private static Call call(Service service, String method, String template, Identity identity, Scope scope,
                             String side, String expected, String contentType, String body, boolean ifMatch) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                path.append(template.substring(at));
                break;
            }
            int close = template.indexOf('}', open);
            path.append(template, at, open);
            String name = template.substring(open + 1, close);
            path.append(URLEncoder.encode(value(template, name, scope, identity, side), StandardCharsets.UTF_8));
            at = close + 1;
        }
        return new Call(service, method, template, path.toString(), identity, side, expected, contentType, body,
                ifMatch);
    }

    /**
     * A path parameter's value: of the identity's own scope, or of the foreign data (on the side "foreign id" only
     * the id is foreign), or an id that names nothing.
     */
    private static String value(String template, String name, Scope scope, Identity identity, String side) {
        boolean foreign = side.equals("foreign");
        boolean own = !foreign && !side.equals("foreign id");
        return switch (name) {
            case "ags" -> {
                if (foreign) {
                    yield GRIMMA;
                }
                if (identity.ags() != null) {
                    yield identity.ags();
                }
                yield identity.bundlerId() != null ? BAD_LAUSICK : NOBODYS_AGS;
            }
            case "bundlerId" -> foreign ? OTHER_BUNDLER : UNKNOWN;
            case "id" -> switch (scope) {
                case SERVICE -> "dataport".equals(identity.providerId()) == own ? dataportService : akdbService;
                case BUNDLER -> own ? "kisa" : OTHER_BUNDLER;
                case INTEREST -> own ? UUID.randomUUID().toString()
                        : "akdb".equals(identity.providerId()) ? interestInDataports : interestInAkdbs;
                case ROLLOUT -> own ? UUID.randomUUID().toString() : operatorsRollout;
                case TENANT -> own ? UUID.randomUUID().toString() : interestInAkdbs;
                case NONE -> realId(template);
            };
            default -> throw new AssertionError("no rule fills the path parameter {" + name + "} of " + template
                    + ": give this test one, with the scope it stands for");
        };
    }

    /**
     * The id of a real resource for a path that names no scope, where the project has one at hand: so that a refusal
     * proves that the resource is not shown, not only that nothing was found. Others get an id that names nothing.
     */
    private static String realId(String template) {
        if (template.startsWith("/api/v1/providers/")) {
            return "akdb";
        }
        if (template.startsWith("/api/v1/services/")) {
            return akdbService;
        }
        if (template.startsWith("/api/v1/provisioning/jobs/")) {
            return grimmasJob;
        }
        return UUID.randomUUID().toString();
    }

    /** Sends every call, a few at a time, and returns each answer that differs from the document. */
    private static List<String> answer(List<Call> calls) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> mismatches = new ArrayList<>();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            for (Call call : calls) {
                answers.add(CompletableFuture.runAsync(() -> {
                    try {
                        HttpResponse<String> response = http.send(request(call), HttpResponse.BodyHandlers.ofString());
                        String mismatch = mismatch(call, response.statusCode(), response.body());
                        if (mismatch != null) {
                            synchronized (mismatches) {
                                mismatches.add(mismatch + ": " + abbreviated(response.body()));
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }, executor));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();
        } finally {
            executor.shutdownNow();
        }
        mismatches.sort(String::compareTo);
        return mismatches;
    }

    private static HttpRequest request(Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(call.service()) + call.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (call.identity().token() != null) {
            request.header("Authorization", "Bearer " + call.identity().token());
        }
        if (call.ifMatch()) {
            request.header("If-Match", "\"999999\"");
        }
        if (call.body() != null) {
            request.header("Content-Type", call.contentType());
            return request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body())).build();
        }
        return request.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
    }

    private static String mismatch(Call call, int status, String body) {
        boolean ok = switch (call.expected()) {
            case "allowed" -> status != 401 && status != 403 && status < 500;
            case "allowed, changing nothing" -> status >= 400 && status < 500 && status != 401 && status != 403;
            default -> List.of(call.expected().split(" or ")).contains(String.valueOf(status));
        };
        if (!ok) {
            return call.describe() + ": expected " + call.expected() + ", got " + status;
        }
        if (call.expected().startsWith("allowed")) {
            return null;
        }
        List<String> leaked = foreignValues.stream()
                .filter(value -> body.contains(value) && !call.path().contains(value)).sorted().toList();
        return leaked.isEmpty() ? null : call.describe() + ": the refusal shows foreign data " + leaked;
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static JsonNode document(Service service) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /**
     * Entries a person or client wrote since the matrix started. The rollout worker writes later in the name of
     * whoever ordered a rollout (of an earlier test), so its entries are no sign of a change made here.
     */
    private static List<String> changesSince(Service service, Instant start) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int page = 0; page == 0 || entries.size() == page * 100; page++) {
            entries.addAll(as(stack, service, accounts.user("operator"))
                    .queryParam("from", start.toString()).queryParam("page", page).queryParam("size", 100)
                    .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items"));
        }
        return entries.stream()
                .filter(entry -> !"system".equals(entry.get("actorRole")))
                .filter(entry -> !(entry.get("details") instanceof Map<?, ?> details && details.containsKey("rolloutId")))
                .filter(entry -> !"rollout.skip".equals(entry.get("action")))
                .map(Object::toString)
                .toList();
    }
}
