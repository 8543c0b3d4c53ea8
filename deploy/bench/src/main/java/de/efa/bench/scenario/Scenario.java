package de.efa.bench.scenario;

import de.efa.bench.Options;
import de.efa.bench.report.Report;

import java.util.Map;

/** One check of deploy/bench/README.md: starts its own stack, drives it, and reports against the target. */
public interface Scenario {

    String name();

    /** One line for the usage text. */
    String summary();

    /** Option name to its description with the default, for the usage text and to refuse typos. */
    Map<String, String> options();

    Report run(Options options, BenchLog log);
}
