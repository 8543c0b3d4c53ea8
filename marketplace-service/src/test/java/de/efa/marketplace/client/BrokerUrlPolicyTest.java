package de.efa.marketplace.client;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
            BrokerUrlPolicyTest::resolve, Duration.ofSeconds(1));

    @Test
    void aPublicHttpsBrokerIsCalled() {
        assertThat(refusal("https://broker.example/osb")).isEmpty();
    }

    @Test
    void plainHttpIsRefused() {
        assertThat(refusal("http://broker.example/osb")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("not https");
    }

    @Test
    void internalAddressesAreRefused() {
        assertThat(refusal("https://internal.example/osb")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private address 10.1.2.3");
        assertThat(refusal("https://router.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private");
        assertThat(refusal("https://metadata.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("metadata address");
        assertThat(refusal("https://169.254.169.254/latest")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("metadata");
        assertThat(refusal("https://link.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("link-local");
        assertThat(refusal("https://ula.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private");
        assertThat(refusal("https://cgnat.example/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("private");
        assertThat(refusal("https://127.0.0.2:8443/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("loopback");
        assertThat(refusal("https://[::1]/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("loopback");
        assertThat(refusal("https://[fe80::1]/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("link-local");
        assertThat(refusal("https://0.0.0.0/")).get().extracting(BrokerUrlPolicy.Refusal::reason).asString().contains("unspecified");
    }

    /**
     * An IPv6 address that carries an IPv4 address reaches that one: through the NAT64 gateway of an IPv6-only
     * cluster (64:ff9b::/96), or as a deprecated IPv4-compatible address. Such an address is judged by the IPv4
     * address it carries; a site's own translator (64:ff9b:1::/48) and 0.0.0.0/8 are no public addresses either.
     */
    @Test
    void anIpv6AddressCarryingAnInternalIpv4AddressIsRefusedAsThatAddress() {
        assertThat(refusal("https://[64:ff9b::a00:1]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("private address");
        assertThat(refusal("https://[64:ff9b::a9fe:a9fe]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("metadata address");
        assertThat(refusal("https://[64:ff9b:1::cb00:710a]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("private address");
        assertThat(refusal("https://[::c0a8:101]/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("private address");
        assertThat(refusal("https://0.1.2.3/")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .asString().contains("unspecified address");
        assertThat(refusal("https://[64:ff9b::cb00:710a]/")).isEmpty();
    }

    @Test
    void anAllowListedHostIsCalledWhateverItsSchemeAndAddress() {
        assertThat(refusal("http://localhost:8090/brokers/akdb")).isEmpty();
        assertThat(refusal("http://trusted.example/")).isEmpty();
    }

    @Test
    void whatIsNoAbsoluteUrlIsRefused() {
        assertThat(refusal("broker.example/osb")).isPresent();
        assertThat(refusal("https://exa mple/")).isPresent();
    }

    @Test
    void aHostThatDoesNotResolveIsNotCalledForNowButNotRefusedForGood() {
        assertThat(refusal("https://nowhere.example/")).get()
                .isEqualTo(new BrokerUrlPolicy.Refusal("the broker host nowhere.example does not resolve", false));
        assertThat(refusal("http://broker.example/osb")).get().extracting(BrokerUrlPolicy.Refusal::lasting)
                .isEqualTo(true);
    }

    @Test
    void thePermissivePolicyCallsAnyUrl() {
        BrokerUrlPolicy permissive = BrokerUrlPolicy.permissive();
        assertThat(permissive.urlRefusal("http://169.254.169.254/")).isEmpty();
        assertThat(permissive.addressRefusal("http://169.254.169.254/")).isEmpty();
        assertThat(permissive.trusts("169.254.169.254")).isTrue();
    }

    @Test
    void onlyAnAllowListedHostIsTrusted() {
        assertThat(strict.trusts("localhost")).isTrue();
        assertThat(strict.trusts("TRUSTED.example")).isTrue();
        assertThat(strict.trusts("127.0.0.1")).isFalse();
        assertThat(strict.trusts("broker.example")).isFalse();
    }

    /**
     * A lookup that hangs is given up after the lookup timeout, as a refusal for now, and holds one thread: a second
     * call while it still hangs waits for the same lookup rather than starting another. Once it ends, its answer
     * counts.
     */
    @Test
    void aLookupThatHangsIsRefusedForNowAfterTheLookupTimeout() {
        CountDownLatch released = new CountDownLatch(1);
        AtomicInteger lookups = new AtomicInteger();
        BrokerUrlPolicy hanging = BrokerUrlPolicy.strict(List.of(), host -> {
            lookups.incrementAndGet();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }, Duration.ofMillis(200));
        try {
            for (int call = 0; call < 2; call++) {
                long started = System.nanoTime();
                assertThat(hanging.addressRefusal("https://slow.example/osb")).get()
                        .isEqualTo(new BrokerUrlPolicy.Refusal("the broker host slow.example did not resolve within "
                                + "200 ms", false));
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(200),
                        Duration.ofMillis(1000));
            }
            assertThat(lookups).hasValue(1);
        } finally {
            released.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hanging
                .addressRefusal("https://slow.example/osb")).get().extracting(BrokerUrlPolicy.Refusal::reason)
                .isEqualTo("the broker host slow.example does not resolve"));
    }

    /** Both steps of the check, as a call makes them. */
    private Optional<BrokerUrlPolicy.Refusal> refusal(String url) {
        return strict.urlRefusal(url).or(() -> strict.addressRefusal(url));
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
