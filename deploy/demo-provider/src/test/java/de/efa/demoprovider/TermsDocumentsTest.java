package de.efa.demoprovider;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/**
 * The demo terms that the catalog's demo plans refer to: public, and served as exactly the bytes of their files,
 * since a municipality accepts them by the SHA-256 the catalog names.
 */
@QuarkusTest
class TermsDocumentsTest {

    private static final Path DOCUMENTS = Path.of("src", "main", "resources", "META-INF", "resources", "nutzungsbedingungen");

    @Test
    void eachDocumentIsServedAsItsBytesWithoutAToken() throws Exception {
        List<Path> documents;
        try (Stream<Path> files = Files.list(DOCUMENTS)) {
            documents = files.filter(file -> file.toString().endsWith(".html")).toList();
        }
        assertThat(documents).isNotEmpty();
        for (Path document : documents) {
            byte[] served = given().get("/nutzungsbedingungen/" + document.getFileName())
                    .then().statusCode(200).contentType(startsWith("text/html"))
                    .extract().asByteArray();
            assertThat(served).as("%s as served", document).isEqualTo(Files.readAllBytes(document));
        }
    }
}
