package de.efa.tenant.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgsTest {

    @Test
    void derivesTheLandAndKnowsAKreisKey() {
        Ags halle = Ags.of("15002000");
        assertThat(halle.land()).isEqualTo(Land.SACHSEN_ANHALT);
        assertThat(halle.land().germanName()).isEqualTo("Sachsen-Anhalt");
        assertThat(halle.isKreisKey()).isTrue();
        assertThat(Ags.of("09162000").land().code()).isEqualTo("09");
        assertThat(Ags.of("16055000").land().germanName()).isEqualTo("Thüringen");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234", "1A713000", "147130000", "00001000", "17001000", " 4713000"})
    void refusesWhatIsNotAnAgs(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> Ags.of(value));
    }

    @Test
    void aLandkreisNeedsAKreisKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> TenantKind.LANDKREIS.checkKey(Ags.of("14729123")))
                .withMessage("the AGS of a Landkreis ends in 000");
        TenantKind.LANDKREIS.checkKey(Ags.of("14729000"));
        TenantKind.GEMEINDE.checkKey(Ags.of("14729123"));
    }
}
