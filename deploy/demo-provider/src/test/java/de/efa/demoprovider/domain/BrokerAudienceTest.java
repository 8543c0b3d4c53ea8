package de.efa.demoprovider.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerAudienceTest {

    @Test
    void aTokenIsMeantForTheBrokersItsAudienceNames() {
        assertThat(BrokerAudience.of("akdb")).isEqualTo("broker-akdb");
        assertThat(BrokerAudience.isMeantFor(Set.of("broker-akdb"), "akdb")).isTrue();
        assertThat(BrokerAudience.isMeantFor(List.of("account", "broker-akdb", "broker-dataport"), "dataport")).isTrue();
    }

    @Test
    void aTokenForAnotherBrokerOrForNoBrokerIsNot() {
        assertThat(BrokerAudience.isMeantFor(Set.of("broker-akdb"), "dataport")).isFalse();
        assertThat(BrokerAudience.isMeantFor(Set.of("catalog-service", "tenant-service", "marketplace-service"), "akdb"))
                .isFalse();
        assertThat(BrokerAudience.isMeantFor(Set.of("akdb"), "akdb")).isFalse();
        assertThat(BrokerAudience.isMeantFor(Set.of("broker-akdb-test"), "akdb")).isFalse();
        assertThat(BrokerAudience.isMeantFor(Set.of(), "akdb")).isFalse();
        assertThat(BrokerAudience.isMeantFor(null, "akdb")).isFalse();
    }

    @Test
    void withoutAProviderNoTokenIsMeantForIt() {
        assertThat(BrokerAudience.isMeantFor(Set.of("broker-"), "")).isFalse();
        assertThat(BrokerAudience.isMeantFor(Set.of("broker-null"), null)).isFalse();
    }
}
