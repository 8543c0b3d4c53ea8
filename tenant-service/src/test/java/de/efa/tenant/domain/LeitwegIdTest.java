package de.efa.tenant.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeitwegIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"04011000-1234512345-06", "991-33333TEST-33", "14713000-75"})
    void valid_ids_with_iso_7064_check_digits(String id) {
        assertThat(LeitwegId.of(id).value()).isEqualTo(id);
    }

    @Test
    void letters_of_the_feinadressierung_are_kept_upper_case() {
        assertThat(LeitwegId.of("991-33333test-33").value()).isEqualTo("991-33333TEST-33");
    }

    @Test
    void wrong_check_digits_are_refused_with_the_expected_ones() {
        assertThatThrownBy(() -> LeitwegId.of("04011000-1234512345-07"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("has the check digits 07, but ISO 7064 MOD 97-10 gives 06 for 040110001234512345");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-06", "1234567890123-06", "04011000-123_45-06", "04011000-1234512345",
            "04011000--06", "04011000-" + "A234567890123456789012345678901" + "-06"})
    void malformed_ids_are_refused(String id) {
        assertThatThrownBy(() -> LeitwegId.of(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must be 2 to 12 digits");
    }
}
