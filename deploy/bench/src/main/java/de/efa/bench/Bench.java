package de.efa.bench;

import de.efa.bench.fuzz.FuzzScenario;
import de.efa.bench.report.Report;
import de.efa.bench.scenario.BenchLog;
import de.efa.bench.scenario.ChaosScenario;
import de.efa.bench.scenario.KafkaOutageScenario;
import de.efa.bench.scenario.RolloutScenario;
import de.efa.bench.scenario.Scenario;
import de.efa.bench.scenario.SearchScenario;
import de.efa.bench.scenario.StartupScenario;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code deploy/bench.sh <scenario> [--option=value …]}: runs one check of deploy/bench/README.md against a stack of
 * its own and prints its report. Exit code 0 when every target is reached, 1 when one is missed, 2 for a usage
 * error, 3 when the run itself broke.
 */
public final class Bench {

    private static final List<Scenario> SCENARIOS = List.of(new SearchScenario(), new RolloutScenario(),
            new ChaosScenario(), new KafkaOutageScenario(), new StartupScenario(), new FuzzScenario());

    private Bench() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.println(usage());
            System.exit(args.length == 0 ? 2 : 0);
        }
        Scenario scenario = SCENARIOS.stream().filter(s -> s.name().equals(args[0])).findFirst().orElse(null);
        if (scenario == null) {
            System.err.println("unknown scenario " + args[0] + "\n" + usage());
            System.exit(2);
            return;
        }
        Options options;
        try {
            options = Options.parse(Arrays.copyOfRange(args, 1, args.length), new TreeSet<>(scenario.options().keySet()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report;
        try {
            report = scenario.run(options, new BenchLog());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("the " + scenario.name() + " run broke off: " + e);
            e.printStackTrace();
            System.exit(3);
            return;
        }
        System.out.println(report.render());
        System.exit(report.passed() ? 0 : 1);
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("usage: deploy/bench.sh <scenario> [--option=value …]\n\nscenarios:\n");
        for (Scenario scenario : SCENARIOS) {
            text.append(String.format("  %-13s %s%n", scenario.name(), scenario.summary()));
            new TreeSet<>(scenario.options().keySet()).forEach(option -> text.append(String.format(
                    "      --%-16s %s%n", option, scenario.options().get(option))));
        }
        text.append("\nEach scenario starts a stack of its own on free ports; exit code 0 = every target reached.");
        return text.toString();
    }
}
