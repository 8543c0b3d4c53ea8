package de.efa.platform.audit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Flushable;
import java.io.IOException;

/**
 * The audit trail as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or
 * a line break, quotes doubled): a header row with the names of the JSON answer, then one row per entry. An absent
 * value is an empty field; details are their JSON text.
 */
public final class AuditCsv implements Flushable {

    public static final String MEDIA_TYPE = "text/csv";

    static final String[] HEADER = {"id", "at", "actor", "actorRole", "onBehalfOf", "action", "target", "outcome",
            "details"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private final CSVPrinter printer;

    /** Starts the CSV with its header row. */
    public AuditCsv(Appendable out) throws IOException {
        this.printer = FORMAT.print(out);
    }

    public void print(AuditEntry entry) throws IOException {
        printer.printRecord(entry.id(), entry.at(), entry.actor(), entry.actorRole(), entry.onBehalfOf(),
                entry.action(), entry.target(), entry.outcome(), entry.details());
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }
}
