package de.efa.marketplace.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Which broker URLs may be called. A broker URL is set by an operator and ends up in a request with this service's
 * token, so in production it must not lead the service to itself, its neighbours or the cloud's metadata endpoint:
 * only {@code https}, and only hosts that resolve to public addresses, unless the host is allow-listed (a local
 * stack allows {@code localhost}). A host that does not resolve is not called either, for now: the HTTP client would
 * look it up again, and a name that resolves by then would reach an address nobody checked. The URL is judged in two
 * steps: by itself ({@link #urlRefusal}), before anything is spent on the call, and by its host's addresses
 * ({@link #addressRefusal}), whose lookup the broker's provider controls, so it is bounded by the lookup timeout and
 * made where the broker's guards hold it.
 */
public final class BrokerUrlPolicy {

    /** Looks a host up, as {@link InetAddress#getAllByName} does; tests hand in their own. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** 64:ff9b::/96, the NAT64 well-known prefix: an IPv6-only cluster reaches the IPv4 address in its last 32 bits. */
    private static final byte[] NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    /** 64:ff9b:1::/48, the prefix of a site's own NAT64 translators. */
    private static final byte[] LOCAL_NAT64_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};
    /** ::/96, the deprecated IPv4-compatible addresses (but :: and ::1 themselves, whose last byte is all there is). */
    private static final byte[] IPV4_COMPATIBLE_PREFIX = new byte[12];

    private final boolean strict;
    private final Set<String> allowList;
    private final HostLookups lookups;

    private BrokerUrlPolicy(boolean strict, Collection<String> allowList, HostLookups lookups) {
        this.strict = strict;
        this.allowList = allowList.stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.lookups = lookups;
    }

    /** The production policy; a lookup of a host not ended after {@code lookupTimeout} refuses the call for now. */
    public static BrokerUrlPolicy strict(Collection<String> allowList, Resolver resolver, Duration lookupTimeout) {
        return new BrokerUrlPolicy(true, allowList, new HostLookups(resolver, lookupTimeout));
    }

    public static BrokerUrlPolicy permissive() {
        return new BrokerUrlPolicy(false, Set.of(), new HostLookups(host -> new InetAddress[0], Duration.ZERO));
    }

    /**
     * Why a call must not be made: for good ({@code lasting}, the URL is refused), or for now (its host does not
     * resolve at the moment, or not within the lookup timeout, so it is tried again like a broker that could not be
     * reached).
     */
    public record Refusal(String reason, boolean lasting) {

        static Refusal lasting(String reason) {
            return new Refusal(reason, true);
        }

        static Refusal forNow(String reason) {
            return new Refusal(reason, false);
        }
    }

    /**
     * Whether a broker on {@code host} is called whatever its scheme and address: any host under the permissive
     * policy, an allow-listed one under the strict policy.
     */
    public boolean trusts(String host) {
        return !strict || allowList.contains(bare(host).toLowerCase(Locale.ROOT));
    }

    /**
     * Why a call to {@code url} must not be made, as far as the URL itself tells (its form, scheme and host, nothing
     * looked up): always for good. Empty when it may be called, or when only its host's addresses can tell.
     */
    public Optional<Refusal> urlRefusal(String url) {
        if (!strict) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(Refusal.lasting("the broker URL is no URL: " + e.getMessage()));
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of(Refusal.lasting("the broker URL " + url + " is not an absolute URL with a host"));
        }
        if (!trusts(uri.getHost()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of(Refusal.lasting("the broker URL " + url
                    + " is not https, and its host is not allow-listed"));
        }
        return Optional.empty();
    }

    /**
     * Why a call to {@code url}, which {@link #urlRefusal} let pass, must not be made by the addresses its host
     * resolves to; the lookup ends after the lookup timeout at the latest. Empty when it may be called.
     */
    public Optional<Refusal> addressRefusal(String url) {
        String host = URI.create(url).getHost();
        if (trusts(host)) {
            return Optional.empty();
        }
        String bareHost = bare(host);
        InetAddress[] addresses;
        try {
            addresses = lookups.resolve(bareHost);
        } catch (UnknownHostException e) {
            return Optional.of(Refusal.forNow("the broker host " + bareHost + " does not resolve"));
        } catch (TimeoutException e) {
            return Optional.of(Refusal.forNow("the broker host " + bareHost + " did not resolve within "
                    + lookups.timeout().toMillis() + " ms"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Refusal.forNow("the lookup of the broker host " + bareHost + " was interrupted"));
        }
        for (InetAddress address : addresses) {
            String kind = internalKind(address);
            if (kind != null) {
                return Optional.of(Refusal.lasting("the broker host " + bareHost + " resolves to the " + kind
                        + " address " + address.getHostAddress() + ", and is not allow-listed"));
            }
        }
        return Optional.empty();
    }

    /** The host without the brackets of an IPv6 address literal. */
    private static String bare(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** What makes an address one a broker must not have; null for a public address. */
    static String internalKind(InetAddress address) {
        byte[] bytes = address.getAddress();
        InetAddress carried = carriedIpv4(bytes);
        if (carried != null) {
            return internalKind(carried);
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (bytes.length == 4 && (bytes[0] & 0xff) == 169 && (bytes[1] & 0xff) == 254 && (bytes[2] & 0xff) == 169
                && (bytes[3] & 0xff) == 254) {
            return "metadata";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        // 0.0.0.0/8 is "this network": 0.0.0.0 is this host, and no other address of it is anyone's.
        if (address.isAnyLocalAddress() || bytes.length == 4 && bytes[0] == 0) {
            return "unspecified";
        }
        // 10/8, 172.16/12, 192.168/16; fc00::/7 (unique local, e.g. fd00:ec2::254); 100.64/10 (carrier-grade NAT);
        // 64:ff9b:1::/48, the prefix of a site's own NAT64 translator, which leads wherever the site lets it.
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        boolean localNat64 = startsWith(bytes, LOCAL_NAT64_PREFIX);
        if (address.isSiteLocalAddress() || uniqueLocal || sharedAddressSpace || localNat64) {
            return "private";
        }
        return null;
    }

    /**
     * The IPv4 address that an IPv6 address leads to, through NAT64 or as an IPv4-compatible address, so that it is
     * judged as that one; null for any other address. (Java turns IPv4-mapped addresses, ::ffff:0:0/96, into IPv4
     * addresses itself.)
     */
    private static InetAddress carriedIpv4(byte[] bytes) {
        boolean nat64 = startsWith(bytes, NAT64_PREFIX);
        boolean compatible = startsWith(bytes, IPV4_COMPATIBLE_PREFIX) && (bytes[12] | bytes[13] | bytes[14]) != 0;
        if (!nat64 && !compatible) {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length == 16 && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
