package de.efa.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void valuesDurationsAndDefaults() {
        Options options = Options.parse(new String[]{"--duration=90s", "--threads=8", "--warmup=500ms"},
                Set.of("duration", "threads", "warmup", "rate"));

        assertThat(options.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.duration("warmup", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(options.integer("threads", 1)).isEqualTo(8);
        assertThat(options.decimal("rate", 0.2)).isEqualTo(0.2);
    }

    @Test
    void typosAndBadValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> Options.parse(new String[]{"--thraeds=8"}, Set.of("threads")))
                .hasMessageContaining("--thraeds").hasMessageContaining("--threads");
        assertThatThrownBy(() -> Options.parse(new String[]{"--threads=many"}, Set.of("threads")).integer("threads", 1))
                .hasMessageContaining("--threads");
        assertThatThrownBy(() -> Options.parse(new String[]{"--d=10x"}, Set.of("d")).duration("d", Duration.ZERO))
                .hasMessageContaining("--d");
    }
}
