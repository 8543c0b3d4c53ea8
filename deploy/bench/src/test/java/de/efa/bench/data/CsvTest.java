package de.efa.bench.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotedFieldsKeepTheirCommasAndDoubledQuotes() {
        assertThat(Csv.fields("01001000,\"Flensburg, Stadt\",01,96326"))
                .containsExactly("01001000", "Flensburg, Stadt", "01", "96326");
        assertThat(Csv.fields("a,\"sagt \"\"ja\"\"\",")).containsExactly("a", "sagt \"ja\"", "");
    }
}
