package de.efa.bench.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchMixTest {

    @Test
    void mostSearchesAreWordsSomeFilterAndSomePage() {
        List<String> paths = new SearchMix(OzgLeistung.withLeikaKeys(), 7).paths(2000);

        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/api/v1/services?").contains("size="));
        assertThat(paths.stream().filter(p -> p.contains("q=")).count()).isBetween(1500L, 1900L);
        assertThat(paths.stream().filter(p -> p.contains("themenfeld=")).count()).isGreaterThan(300);
        assertThat(paths.stream().filter(p -> p.contains("land=")).count()).isGreaterThan(300);
        assertThat(paths.stream().filter(p -> p.contains("leika=")).count()).isGreaterThan(100);
        assertThat(paths.stream().filter(p -> p.contains("page=")).count()).isGreaterThan(300);
    }

    @Test
    void wordsAreInflectedAsPeopleTypeThem() {
        assertThat(SearchTerms.words("Führerschein (Ersterteilung)/Umtausch")).containsExactly("Führerschein",
                "Ersterteilung", "Umtausch");
        assertThat(SearchTerms.inflect("Führerschein", 2)).isEqualTo("Führerscheins");
        assertThat(SearchTerms.inflect("Anzeige", 4)).isEqualTo("Anzeige");
        assertThat(SearchTerms.inflect("Anzeige", 5)).isEqualTo("Anzeigen");
        assertThat(SearchTerms.inflect("Antrag", 0)).isEqualTo("antrag");
    }
}
