package de.efa.portal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import de.efa.infra.test.TestTokens;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a screen: keeps cookies, follows no redirect on its own, and logs in through the portal's
 * real authorization code flow against the OIDC test server, whose token endpoint is told which tokens to issue.
 */
final class Browser {

    static final String TOKEN_PATH = "/auth/realms/quarkus/token";
    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");
    private static final Pattern REDIRECT_URI = Pattern.compile("[?&]redirect_uri=([^&]+)");

    private final CookieFilter cookies = new CookieFilter();
    private final String accessToken;
    private String csrfToken;

    private Browser(String accessToken) {
        this.accessToken = accessToken;
    }

    static Browser anonymous() {
        return new Browser(null);
    }

    static Browser municipality(WireMockServer oidc, String ags) {
        return loggedIn(oidc, TestTokens.municipality(ags));
    }

    static Browser bundler(WireMockServer oidc, String bundlerId) {
        return loggedIn(oidc, TestTokens.bundler(bundlerId));
    }

    static Browser operator(WireMockServer oidc) {
        return loggedIn(oidc, TestTokens.operator());
    }

    static Browser provider(WireMockServer oidc, String providerId) {
        return loggedIn(oidc, TestTokens.provider(providerId));
    }

    /** Logs in with the given access token: the code flow with PKCE, the token endpoint answering that token. */
    static Browser loggedIn(WireMockServer oidc, String accessToken) {
        oidc.stubFor(WireMock.post(urlPathEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"access_token": "%s", "id_token": "%s", "refresh_token": "refresh", "token_type": "Bearer",
                         "expires_in": 300}""".formatted(accessToken, idToken()))));
        Browser browser = new Browser(accessToken);
        Response challenge = browser.get("/anmelden");
        assertThat(challenge.statusCode()).as("the login is a redirect to the OIDC server").isEqualTo(302);
        String location = challenge.header("Location");
        String callback = decode(match(REDIRECT_URI, location)) + "?code=test-code&state=" + match(STATE, location);
        Response back = browser.get(URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery());
        assertThat(back.statusCode()).as("the callback ends the login with a redirect").isEqualTo(302);
        return browser;
    }

    /** The access token this person logged in with, which the portal must pass on to the services. */
    String accessToken() {
        return accessToken;
    }

    Response get(String path) {
        Response response = given().filter(cookies).redirects().follow(false).get(path);
        remember(response);
        return response;
    }

    /** Submits a form of the page read last, with its CSRF token, as a browser would; a list is a checkbox group. */
    Response post(String path, Map<String, ?> form) {
        var request = given().filter(cookies).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                request.formParam(name, values.toArray());
            } else {
                request.formParam(name, value);
            }
        });
        if (csrfToken != null) {
            request.formParam("csrf-token", csrfToken);
        }
        Response response = request.post(path);
        remember(response);
        return response;
    }

    /** Submits a file as a browser submits a form with a file input, with the CSRF token of the page read last. */
    Response upload(String path, String input, String fileName, String content) {
        var request = given().filter(cookies).redirects().follow(false)
                .multiPart(input, fileName, content.getBytes(StandardCharsets.UTF_8), "text/csv");
        if (csrfToken != null) {
            request.multiPart("csrf-token", csrfToken);
        }
        Response response = request.post(path);
        remember(response);
        return response;
    }

    /** A page read, checked to be HTML, as a parsed document. */
    Document page(String path) {
        Response response = get(path);
        assertThat(response.contentType()).startsWith("text/html");
        return Jsoup.parse(response.body().asString());
    }

    /**
     * What a browser submits of a form as the page shows it: every named input with its value, checked boxes and
     * selected options only, one value or a list of them per name. The CSRF token is left to {@link #post}.
     */
    static Map<String, Object> filledIn(Document page, String formSelector) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (Connection.KeyVal input : ((FormElement) page.selectFirst(formSelector)).formData()) {
            if (!input.key().equals("csrf-token")) {
                form.merge(input.key(), input.value(), Browser::both);
            }
        }
        return form;
    }

    private static Object both(Object first, Object second) {
        List<Object> values = new ArrayList<>(first instanceof List<?> list ? list : List.of(first));
        values.add(second);
        return values;
    }

    private void remember(Response response) {
        String type = response.contentType();
        if (type != null && type.startsWith("text/html")) {
            var token = Jsoup.parse(response.body().asString()).selectFirst("input[name=csrf-token]");
            if (token != null) {
                csrfToken = token.attr("value");
            }
        }
    }

    private static String idToken() {
        return Jwt.issuer(TestTokens.ISSUER).audience("efa-portal").subject("person").claim("typ", "ID").sign();
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
