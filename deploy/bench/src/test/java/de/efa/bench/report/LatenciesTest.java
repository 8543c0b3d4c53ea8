package de.efa.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void nearestRankPercentilesInMilliseconds() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? first : second).add(ms * 1_000_000L);
        }

        Latencies all = Latencies.merged(List.of(first, second));

        assertThat(all.count()).isEqualTo(100);
        assertThat(all.percentileMillis(50)).isEqualTo(50.0);
        assertThat(all.percentileMillis(99)).isEqualTo(99.0);
        assertThat(all.maxMillis()).isEqualTo(100.0);
        assertThat(new Latencies().percentileMillis(50)).isNaN();
    }

    @Test
    void aReportPassesOnlyWhenEveryCheckPasses() {
        Report report = new Report("t");
        report.check("a", "1", true);
        assertThat(report.passed()).isTrue();
        report.check("b", "2", false);
        assertThat(report.passed()).isFalse();
        assertThat(report.render()).contains("PASS a: 1", "FAIL b: 2", "RESULT: FAIL");
        assertThat(new Report("empty").passed()).isFalse();
    }
}
