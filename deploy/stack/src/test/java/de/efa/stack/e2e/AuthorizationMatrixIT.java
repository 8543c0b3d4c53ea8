package de.efa.stack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.infra.keycloak.TokenClient;
import de.efa.stack.Service;
import de.efa.stack.Stack;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;

import static de.efa.stack.e2e.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * Every operation of the three services' OpenAPI documents, called by every demo identity, in its own scope and in a
 * foreign one where the path names a scope, answers as the document says: anonymous 401; a token the service does not
 * take (meant for another service, or forged) 401, on the catalog's public reads too; a role the operation does not name 403; a named role in its own scope neither 401 nor 403; in a
 * foreign scope 403 or 404. The matrix is built from the documents, so a new operation is checked the moment it
 * exists, and a path parameter this test cannot fill fails it. A call that a permitted identity makes carries a body
 * that fails validation, a stale {@code If-Match} or an unknown id, so that its answer proves authorization passed
 * while nothing changes; no change is left in any audit trail.
 */
@ExtendWith(StackExtension.class)
class AuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Service> SERVICES = List.of(Service.CATALOG, Service.TENANT, Service.MARKETPLACE);

    private static final String LEIPZIG = "14713000";
    private static final String KOELN = "05315000";
    /** kisa's client here: its mandate is set up below, as the demo data of the local stack has it. */
    private static final String BAD_LAUSICK = "14729010";
    /** A valid AGS that nobody orders for or registers: an operator's steps on it change nothing. */
    private static final String NOBODYS_AGS = "16999999";
    private static final String UNKNOWN = "unbekannt";

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

    /**
     * A demo account as the matrix sees it: its token (null: anonymous), what the token says, and whether its
     * signature was forged.
     */
    private record Identity(String name, String token, Set<String> roles, Set<String> audience, String ags,
                            String providerId, String bundlerId, boolean forged) {

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

    /** How a path is scoped, read from its template. */
    private enum Scope { NONE, TENANT, PROVIDER, BUNDLER }

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

        identities = new ArrayList<>();
        identities.add(new Identity("anonymous", null, Set.of(), Set.of(), null, null, null, false));
        for (String user : List.of("leipzig", "koeln", "akdb-redaktion", "kisa", "operator")) {
            identities.add(Identity.of(user, accounts.user(user)));
        }
        for (String client : List.of("provider-dataport", "marketplace-service")) {
            identities.add(Identity.of(client, accounts.client(client)));
        }
        identities.add(Identity.of("operator", accounts.user("operator")).underAForgedSignature());
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
        Scope scope = scopeOf(template);
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
                calls.add(call(service, method, template, identity, scope, "foreign", "refused in scope",
                        contentType, body, ifMatch));
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
        if (identity.forged()
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

    private static Scope scopeOf(String template) {
        if (template.contains("{ags}")) {
            return Scope.TENANT;
        }
        if (template.startsWith("/api/v1/services/{id}")) {
            return Scope.PROVIDER;
        }
        if (template.startsWith("/api/v1/bundlers/{id}")) {
            return Scope.BUNDLER;
        }
        return Scope.NONE;
    }

    /** Whether the identity has a scope of the path's kind, so that a foreign one can be tried. */
    private static boolean scopedBy(Scope scope, Identity identity) {
        return switch (scope) {
            case TENANT -> identity.ags() != null || identity.bundlerId() != null;
            case PROVIDER -> identity.providerId() != null;
            case BUNDLER -> identity.bundlerId() != null;
            case NONE -> false;
        };
    }

    private static Call call(Service service, String method, String template, Identity identity, Scope scope,
                             String side, String expected, String contentType, String body, boolean ifMatch) {
        boolean own = !side.equals("foreign");
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
            path.append(URLEncoder.encode(value(template, name, scope, identity, own), StandardCharsets.UTF_8));
            at = close + 1;
        }
        return new Call(service, method, template, path.toString(), identity, side, expected, contentType, body,
                ifMatch);
    }

    /** A path parameter's value: the identity's own or a foreign scope, or an id that names nothing. */
    private static String value(String template, String name, Scope scope, Identity identity, boolean own) {
        return switch (name) {
            case "ags" -> {
                if (identity.ags() != null) {
                    yield own ? identity.ags() : (identity.ags().equals(LEIPZIG) ? KOELN : LEIPZIG);
                }
                if (identity.bundlerId() != null) {
                    yield own ? BAD_LAUSICK : NOBODYS_AGS;
                }
                yield NOBODYS_AGS;
            }
            case "bundlerId" -> UNKNOWN;
            case "id" -> switch (scope) {
                case PROVIDER -> "dataport".equals(identity.providerId()) == own ? dataportService : akdbService;
                case BUNDLER -> own ? "kisa" : UNKNOWN;
                default -> template.startsWith("/api/v1/providers/") ? "akdb" : UUID.randomUUID().toString();
            };
            default -> throw new AssertionError("no rule fills the path parameter {" + name + "} of " + template
                    + ": give this test one, with the scope it stands for");
        };
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
                        String mismatch = mismatch(call, response.statusCode());
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

    private static String mismatch(Call call, int status) {
        boolean ok = switch (call.expected()) {
            case "401" -> status == 401;
            case "403" -> status == 403;
            case "allowed" -> status != 401 && status != 403 && status < 500;
            case "allowed, changing nothing" -> status >= 400 && status < 500 && status != 401 && status != 403;
            case "refused in scope" -> status == 403 || status == 404;
            default -> throw new AssertionError(call.expected());
        };
        return ok ? null : call.describe() + ": expected " + call.expected() + ", got " + status;
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
        List<Map<String, Object>> entries = as(stack, service, accounts.user("operator"))
                .queryParam("from", start.toString()).queryParam("size", 100)
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath().getList("items");
        return entries.stream()
                .filter(entry -> !"system".equals(entry.get("actorRole")))
                .filter(entry -> !(entry.get("details") instanceof Map<?, ?> details && details.containsKey("rolloutId")))
                .filter(entry -> !"rollout.skip".equals(entry.get("action")))
                .map(Object::toString)
                .toList();
    }
}
