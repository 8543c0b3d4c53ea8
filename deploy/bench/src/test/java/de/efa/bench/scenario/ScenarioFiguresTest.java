package de.efa.bench.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioFiguresTest {

    @Test
    void searchesAreGroupedByWordsFiltersAndPaging() {
        assertThat(SearchScenario.kind("/api/v1/services?q=antrag&size=20")).isEqualTo("words");
        assertThat(SearchScenario.kind("/api/v1/services?q=antrag&land=14&page=2&size=20"))
                .isEqualTo("words + filter + page > 0");
        assertThat(SearchScenario.kind("/api/v1/services?themenfeld=bildung&size=10")).isEqualTo("listing + filter");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(StartupScenario.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(StartupScenario.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }
}
