package de.efa.marketplace.support;

import de.efa.marketplace.client.BrokerUrlPolicy;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * The resolver the tests' broker URL policy looks hosts up with: the JDK's, but for the hosts a test names, which
 * do not resolve, or whose every lookup waits until the test lets it go (and then does not resolve), as a provider's
 * name server can keep a lookup waiting. Like the JDK's lookup, that wait does not end when the thread is interrupted.
 */
@Singleton
public class TestDns implements BrokerUrlPolicy.Resolver {

    private final Set<String> unresolvable = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> hanging = new ConcurrentHashMap<>();

    public void unresolvable(String host) {
        unresolvable.add(host);
    }

    public void hang(String host) {
        hanging.put(host, new CountDownLatch(1));
    }

    public void release(String host) {
        Optional.ofNullable(hanging.remove(host)).ifPresent(CountDownLatch::countDown);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        CountDownLatch released = hanging.get(host);
        if (released != null) {
            awaitUninterruptibly(released);
            throw new UnknownHostException(host);
        }
        if (unresolvable.contains(host)) {
            throw new UnknownHostException(host);
        }
        return InetAddress.getAllByName(host);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
