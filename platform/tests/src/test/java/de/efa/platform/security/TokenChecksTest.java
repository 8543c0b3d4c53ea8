package de.efa.platform.security;

import de.efa.infra.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every service takes a token only when it is an access token of the realm, for this service, signed with the
 * realm's key and not expired (platform defaults); anything else is a 401 problem, like a missing token.
 */
@QuarkusTest
class TokenChecksTest {

    private static final String PROTECTED = "/api/v1/audit";

    @Test
    void theRealmsAccessTokenForThisServiceIsTaken() {
        given().auth().oauth2(TestTokens.operator()).get(PROTECTED).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void anyOtherTokenIsA401Problem(String what, String token) {
        given().auth().oauth2(token).get(PROTECTED)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    static Stream<Arguments> refusedTokens() throws NoSuchAlgorithmException {
        return Stream.of(
                Arguments.of("signed with another key", operator().sign(anotherKey())),
                Arguments.of("expired", operator().issuedAt(Instant.now().minusSeconds(7200))
                        .expiresAt(Instant.now().minusSeconds(3600)).sign()),
                Arguments.of("of another issuer", operator().issuer("https://keycloak.attacker.example/realms/efa").sign()),
                Arguments.of("for another audience", operator().audience("demo-provider").sign()),
                Arguments.of("an ID token", operator().claim("typ", "ID").sign()),
                Arguments.of("unsigned (alg none)", unsigned(TestTokens.operator())));
    }

    private static JwtClaimsBuilder operator() {
        return TestTokens.claims("operator", "operator");
    }

    private static PrivateKey anotherKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPrivate();
    }

    /** The claims of a valid token under a header that says it needs no signature, and no signature. */
    private static String unsigned(String validToken) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + validToken.split("\\.")[1] + ".";
    }
}
