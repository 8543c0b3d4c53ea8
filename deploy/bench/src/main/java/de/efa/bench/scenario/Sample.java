package de.efa.bench.scenario;

import de.efa.bench.data.Gemeinde;

import java.util.ArrayList;
import java.util.List;

/** An even spread over all municipalities, so that every Land and every kind of tenant takes part. */
final class Sample {

    private Sample() {
    }

    static List<Gemeinde> spread(int count) {
        List<Gemeinde> all = Gemeinde.all();
        int n = Math.min(count, all.size());
        List<Gemeinde> sample = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sample.add(all.get((int) ((long) i * all.size() / n)));
        }
        return sample;
    }
}
