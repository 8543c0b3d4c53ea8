package de.efa.tenant.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArsTest {

    @Test
    void an_ars_belongs_to_the_ags_it_contains_whatever_its_gemeindeverband() {
        assertThat(Ars.of("147130000000").belongsTo(Ags.of("14713000"))).isTrue();
        assertThat(Ars.of("147290000010").belongsTo(Ags.of("14729010"))).isTrue();
        assertThat(Ars.of("147295210010").belongsTo(Ags.of("14729010"))).isTrue();
    }

    @Test
    void an_ars_of_another_kreis_or_gemeinde_does_not() {
        assertThat(Ars.of("147300000000").belongsTo(Ags.of("14713000"))).isFalse();
        assertThat(Ars.of("147130000001").belongsTo(Ags.of("14713000"))).isFalse();
    }

    @Test
    void only_twelve_digits_are_an_ars() {
        assertThatThrownBy(() -> Ars.of("14713000")).hasMessage("must be 12 digits");
        assertThatThrownBy(() -> Ars.of("14713000000A")).hasMessage("must be 12 digits");
    }
}
