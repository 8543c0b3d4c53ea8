package de.efa.marketplace.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A broker's answer body, read as it arrives and given up as soon as it passes its limit: a broker can neither make
 * this service hold more than the limit in memory nor keep a worker reading for ever ({@link #abandon()} stops it
 * at the call's deadline). A declared {@code Content-Length} over the limit is refused before any byte is read.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The answer was larger than the limit; the status is the one the broker sent with it. */
    static final class TooLarge extends IOException {
        TooLarge(int status, long limit) {
            super("answer larger than " + size(limit) + " (HTTP " + status + "): reading stopped there");
        }
    }

    private final long limit;
    private final int status;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long received;

    private BoundedBody(long limit, int status) {
        this.limit = limit;
        this.status = status;
    }

    /** A body handler whose subscriber is handed to {@code created}, so that the caller can abandon it. */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, Consumer<BoundedBody> created) {
        return info -> {
            BoundedBody body = new BoundedBody(limit, info.statusCode());
            created.accept(body);
            if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > limit) {
                body.body.completeExceptionally(new TooLarge(info.statusCode(), limit));
            }
            return body;
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (body.isDone()) {
            subscription.cancel();
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > limit) {
                body.completeExceptionally(new TooLarge(status, limit));
                subscription.cancel();
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        body.complete(bytes.toByteArray());
    }

    /** The call's deadline passed: stop reading and let the connection go. */
    void abandon() {
        body.completeExceptionally(new IOException("abandoned at the deadline"));
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }
}
