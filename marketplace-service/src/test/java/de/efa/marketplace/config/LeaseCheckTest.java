package de.efa.marketplace.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaseCheckTest {

    @Test
    void aLeaseLongerThanTheLongestStepIsAccepted() {
        assertThat(LeaseCheck.problem(Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aLeaseThatCouldRunOutDuringACallStopsTheStart() {
        assertThat(LeaseCheck.problem(Duration.ofSeconds(24), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(5))).get().asString()
                .isEqualTo("efa.provisioning.lease (PT24S) must be longer than the longest step of a job: "
                        + "token-timeout (PT5S) + broker-busy-wait (PT1S) + lookup-timeout (PT3S) + request-timeout "
                        + "(PT10S) + lease-margin (PT5S) = PT24S");
    }

    /**
     * A step looks its broker's host up, within {@code lookup-timeout} (3 s), before it calls: a lease that outlasts
     * the token, the wait for a place, the call and the margin (21 s by default) but not the lookup stops the start.
     */
    @Test
    void theStartStopsWhenTheLeaseDoesNotOutlastTheHostLookupToo() {
        assertThatCode(() -> new LeaseCheck(config(Map.of()))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new LeaseCheck(config(Map.of("efa.provisioning.lease", "24s"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lookup-timeout (PT3S)").hasMessageEndingWith("= PT24S");
    }

    /** The defaults of {@code efa.provisioning.*}, with the settings given, read as Quarkus reads them. */
    private static ProvisioningConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withMapping(ProvisioningConfig.class).withValidateUnknown(false)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(settings, "test", 100)).build()
                .getConfigMapping(ProvisioningConfig.class);
    }
}
