package de.efa.bench.report;

import java.util.Arrays;

/** Every latency of a run, in nanoseconds, for exact percentiles (a few hundred thousand values at most). */
public final class Latencies {

    private long[] values = new long[1024];
    private int count;

    public void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    /** The union of several recorders, e.g. one per load thread. */
    public static Latencies merged(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.values[i]);
            }
        }
        return all;
    }

    public int count() {
        return count;
    }

    /** Nearest-rank percentile in milliseconds, {@code p} in (0, 100]; {@code NaN} without values. */
    public double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }
}
