package de.efa.marketplace.domain;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The rule for a dashboard URL a broker hands out: it reaches municipalities as a link, so it must be an absolute
 * {@code https} URL; plain {@code http} only on a loopback host where brokers may be on loopback hosts too (a local
 * stack's demo provider), which the caller decides as it does for broker URLs. Nothing is looked up: a loopback host
 * is {@code localhost} or a loopback address literal. It travels in the job's result event, whose size the outbox
 * bounds, so it is at most {@value #MAX_CHARS} characters, a length every browser takes.
 */
public final class DashboardUrl {

    public static final int MAX_CHARS = 2048;

    private DashboardUrl() {
    }

    /**
     * Why {@code url} is not kept; empty when it is. {@code allowedForBrokers} says whether a broker on a host may be
     * called whatever its scheme and address.
     */
    public static Optional<String> refusal(String url, Predicate<String> allowedForBrokers) {
        if (url.length() > MAX_CHARS) {
            return Optional.of("it is longer than " + MAX_CHARS + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("it is no URL (" + e.getMessage() + ")");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return Optional.of("it is not an absolute URL with a host: " + url);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (!scheme.equals("http") || !loopback(uri.getHost())) {
            return Optional.of("it is not https (http only on a loopback host): " + url);
        }
        if (!allowedForBrokers.test(uri.getHost())) {
            return Optional.of("it is not https, and its loopback host is not allowed for brokers: " + url);
        }
        return Optional.empty();
    }

    private static boolean loopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.contains(":") && !bare.matches("[0-9.]+")) {
            return false;
        }
        try {
            // An address literal: parsed, never resolved.
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
