package de.efa.bench.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceGeneratorTest {

    private final List<OzgLeistung> catalog = OzgLeistung.withLeikaKeys();

    @Test
    void tenThousandServicesWithUniqueSlugsThatTheCatalogAccepts() {
        List<ServiceGenerator.GeneratedService> services =
                new ServiceGenerator(catalog, 42).generate(10_000, List.of("akdb", "dataport"));

        assertThat(services).hasSize(10_000);
        assertThat(services.stream().map(s -> s.body().get("slug")).collect(Collectors.toSet())).hasSize(10_000);
        assertThat(services).allSatisfy(service -> {
            Map<String, Object> body = service.body();
            assertThat((String) body.get("slug")).matches("[a-z0-9]+(-[a-z0-9]+)*").hasSizeLessThanOrEqualTo(80);
            assertThat((String) body.get("name")).hasSizeLessThanOrEqualTo(200);
            assertThat((String) body.get("summary")).hasSizeLessThanOrEqualTo(500);
            assertThat((List<?>) body.get("leikaKeys")).isNotEmpty()
                    .allSatisfy(key -> assertThat((String) key).matches("[0-9]{14}"));
            assertThat((String) body.get("ozgId")).matches("[1-9][0-9]{0,7}");
            assertThat((List<?>) body.get("keywords")).hasSizeLessThanOrEqualTo(30);
        });
        assertThat(services.stream().map(ServiceGenerator.GeneratedService::providerId).distinct())
                .containsExactlyInAnyOrder("akdb", "dataport");
    }

    @Test
    void theSameSeedGivesTheSameCatalog() {
        assertThat(new ServiceGenerator(catalog, 1).generate(50, List.of("akdb")))
                .isEqualTo(new ServiceGenerator(catalog, 1).generate(50, List.of("akdb")));
    }

    @Test
    void theOzgThemenfelderMapToTheCodesOfTheApi() {
        assertThat(catalog).hasSize(533);
        assertThat(catalog.stream().map(OzgLeistung::themenfeld).distinct()).hasSize(14);
        assertThat(OzgLeistung.themenfeldCode("Querschnitt")).isEqualTo("querschnittsleistungen");
    }
}
