package de.efa.marketplace.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgsTest {

    @Test
    void anAgsKnowsItsLand() {
        assertThat(Ags.of("14713000").land()).isEqualTo(LandCode.of("14"));
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> Ags.of("1471300")).hasMessage("must be 8 digits");
        assertThatThrownBy(() -> Ags.of("17713000")).hasMessage("must start with a Land code from 01 to 16");
        assertThatThrownBy(() -> Ags.of(null)).hasMessage("must be 8 digits");
        assertThatThrownBy(() -> LandCode.of("00")).hasMessage("must be a Land code from 01 to 16");
    }
}
