package de.efa.marketplace.client;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which broker URLs production calls; the names resolve through a table, so nothing is looked up. */
class BrokerUrlPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "broker.example", "203.0.113.10",
            "internal.example", "10.1.2.3",
            "router.example", "192.168.1.1",
            "metadata.example", "169.254.169.254",
            "link.example", "169.254.10.1",
            "ula.example", "fd00:ec2::254",
            "cgnat.example", "100.64.0.1",
            "localhost", "127.0.0.1");

    private final BrokerUrlPolicy strict = BrokerUrlPolicy.strict(List.of("LocalHost", "trusted.example"),
            BrokerUrlPolicyTest::resolve);

    @Test
    void aPublicHttpsBrokerIsCalled() {
        assertThat(strict.refusal("https://broker.example/osb")).isEmpty();
    }

    @Test
    void plainHttpIsRefused() {
        assertThat(strict.refusal("http://broker.example/osb")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("not https");
    }

    @Test
    void internalAddressesAreRefused() {
        assertThat(strict.refusal("https://internal.example/osb")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private address 10.1.2.3");
        assertThat(strict.refusal("https://router.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private");
        assertThat(strict.refusal("https://metadata.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("metadata address");
        assertThat(strict.refusal("https://169.254.169.254/latest")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("metadata");
        assertThat(strict.refusal("https://link.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("link-local");
        assertThat(strict.refusal("https://ula.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private");
        assertThat(strict.refusal("https://cgnat.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private");
        assertThat(strict.refusal("https://127.0.0.2:8443/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("loopback");
        assertThat(strict.refusal("https://[::1]/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("loopback");
        assertThat(strict.refusal("https://[fe80::1]/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("link-local");
        assertThat(strict.refusal("https://0.0.0.0/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("unspecified");
    }

    /**
     * An IPv6 address that carries an IPv4 address reaches that one: through the NAT64 gateway of an IPv6-only
     * cluster (64:ff9b::/96), or as a deprecated IPv4-compatible address. Such an address is judged by the IPv4
     * address it carries; a site's own translator (64:ff9b:1::/48) and 0.0.0.0/8 are no public addresses either.
     */
    @Test
    void anIpv6AddressCarryingAnInternalIpv4AddressIsRefusedAsThatAddress() {
        assertThat(strict.refusal("https://[64:ff9b::a00:1]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("private address");
        assertThat(strict.refusal("https://[64:ff9b::a9fe:a9fe]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("metadata address");
        assertThat(strict.refusal("https://[64:ff9b:1::cb00:710a]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("private address");
        assertThat(strict.refusal("https://[::c0a8:101]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("private address");
        assertThat(strict.refusal("https://0.1.2.3/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("unspecified address");
        assertThat(strict.refusal("https://[64:ff9b::cb00:710a]/")).isEmpty();
    }

    @Test
    void anAllowListedHostIsCalledWhateverItsSchemeAndAddress() {
        assertThat(strict.refusal("http://localhost:8090/brokers/akdb")).isEmpty();
        assertThat(strict.refusal("http://trusted.example/")).isEmpty();
    }

    @Test
    void whatIsNoAbsoluteUrlIsRefused() {
        assertThat(strict.refusal("broker.example/osb")).isPresent();
        assertThat(strict.refusal("https://exa mple/")).isPresent();
    }

    @Test
    void aHostThatDoesNotResolveIsNotCalledForNowButNotRefusedForGood() {
        assertThat(strict.refusal("https://nowhere.example/")).get()
                .isEqualTo(new BrokerUrlPolicy.Refusal("the broker host nowhere.example does not resolve", false));
        assertThat(strict.refusal("http://broker.example/osb")).get().extracting(BrokerUrlPolicy.Refusal::lasting)
                .isEqualTo(true);
    }

    @Test
    void thePermissivePolicyCallsAnyUrl() {
        assertThat(BrokerUrlPolicy.permissive().refusal("http://169.254.169.254/")).isEmpty();
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null && !host.matches("[0-9.]+|.*:.*")) {
            throw new UnknownHostException(host);
        }
        // Only literals: getByName parses them without a lookup.
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }
}
