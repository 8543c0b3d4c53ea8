package de.efa.marketplace.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which broker URLs may be called. A broker URL is set by an operator and ends up in a request with this service's
 * token, so in production it must not lead the service to itself, its neighbours or the cloud's metadata endpoint:
 * only {@code https}, and only hosts that resolve to public addresses, unless the host is allow-listed (a local
 * stack allows {@code localhost}). A host that does not resolve is not called either, for now: the HTTP client would
 * look it up again, and a name that resolves by then would reach an address nobody checked.
 */
public final class BrokerUrlPolicy {

    /** Looks a host up, as {@link InetAddress#getAllByName} does; tests hand in their own. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean strict;
    private final Set<String> allowList;
    private final Resolver resolver;

    private BrokerUrlPolicy(boolean strict, Collection<String> allowList, Resolver resolver) {
        this.strict = strict;
        this.allowList = allowList.stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    public static BrokerUrlPolicy strict(Collection<String> allowList, Resolver resolver) {
        return new BrokerUrlPolicy(true, allowList, resolver);
    }

    public static BrokerUrlPolicy permissive() {
        return new BrokerUrlPolicy(false, Set.of(), host -> new InetAddress[0]);
    }

    /**
     * Why a call must not be made: for good ({@code lasting}, the URL is refused), or for now (its host does not
     * resolve at the moment, so it is tried again like a broker that could not be reached).
     */
    public record Refusal(String reason, boolean lasting) {

        static Refusal lasting(String reason) {
            return new Refusal(reason, true);
        }

        static Refusal forNow(String reason) {
            return new Refusal(reason, false);
        }
    }

    /** Why a call to {@code url} must not be made; empty when it may. */
    public Optional<Refusal> refusal(String url) {
        if (!strict) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(Refusal.lasting("the broker URL is no URL: " + e.getMessage()));
        }
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null) {
            return Optional.of(Refusal.lasting("the broker URL " + url + " is not an absolute URL with a host"));
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowList.contains(bareHost.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of(Refusal.lasting("the broker URL " + url
                    + " is not https, and its host is not allow-listed"));
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            return Optional.of(Refusal.forNow("the broker host " + bareHost + " does not resolve"));
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

    /** What makes an address one a broker must not have; null for a public address. */
    static String internalKind(InetAddress address) {
        byte[] bytes = address.getAddress();
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
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        // 10/8, 172.16/12, 192.168/16; fc00::/7 (unique local, e.g. fd00:ec2::254); 100.64/10 (carrier-grade NAT).
        boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedAddressSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        if (address.isSiteLocalAddress() || uniqueLocal || sharedAddressSpace) {
            return "private";
        }
        return null;
    }
}
