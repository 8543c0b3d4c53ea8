package de.efa.bench.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class GemeindeTest {

    @Test
    void everyMunicipalityOfTheDestatisFileIsRead() {
        List<Gemeinde> all = Gemeinde.all();

        assertThat(all).hasSize(10_751);
        assertThat(all.stream().map(Gemeinde::ags).collect(Collectors.toSet())).hasSize(10_751);
        assertThat(all.stream().mapToLong(Gemeinde::population).sum()).isEqualTo(83_576_223L);
        assertThat(all).contains(new Gemeinde("14713000", "Leipzig, Stadt", 611_850));
    }

    @Test
    void theKindFollowsTheGemeindeNumberAndTheNameSuffix() {
        assertThat(new Gemeinde("15002000", "Halle (Saale), Stadt", 226_767).kind()).isEqualTo("KREISFREIE_STADT");
        assertThat(new Gemeinde("01051011", "Brunsbüttel, Stadt", 12_000).kind()).isEqualTo("STADT");
        assertThat(new Gemeinde("09162000", "München, Landeshauptstadt", 1_500_000).kind()).isEqualTo("KREISFREIE_STADT");
        assertThat(new Gemeinde("09172116", "Bad Reichenhall, GKSt", 18_000).kind()).isEqualTo("STADT");
        assertThat(new Gemeinde("09171111", "Altötting, St", 13_000).kind()).isEqualTo("STADT");
        assertThat(new Gemeinde("09171112", "Burgkirchen a.d.Alz", 10_000).kind()).isEqualTo("GEMEINDE");
        assertThat(new Gemeinde("09171113", "Garching a.d.Alz, M", 8_000).kind()).isEqualTo("GEMEINDE");
        assertThat(Gemeinde.all().stream().map(Gemeinde::kind).collect(Collectors.toSet()))
                .isEqualTo(Set.of("KREISFREIE_STADT", "STADT", "GEMEINDE"));
    }
}
