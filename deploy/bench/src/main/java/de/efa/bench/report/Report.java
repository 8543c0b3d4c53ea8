package de.efa.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario found: figures worth reading, and checks against the targets. The run fails when one
 * check fails.
 */
public final class Report {

    private final String title;
    private final List<String> lines = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    public Report(String title) {
        this.title = title;
    }

    public void line(String format, Object... args) {
        lines.add(String.format(format, args));
    }

    /** A target of deploy/bench/README.md, what was measured, and whether it was reached. */
    public void check(String target, String measured, boolean reached) {
        checks.add(new Check(target, measured, reached));
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::reached);
    }

    public String render() {
        StringBuilder text = new StringBuilder("\n== ").append(title).append(" ==\n");
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append('\n');
        for (Check check : checks) {
            text.append(String.format("  %-4s %s: %s%n", check.reached() ? "PASS" : "FAIL", check.target(),
                    check.measured()));
        }
        text.append(passed() ? "\nRESULT: PASS\n" : "\nRESULT: FAIL\n");
        return text.toString();
    }

    private record Check(String target, String measured, boolean reached) {
    }
}
