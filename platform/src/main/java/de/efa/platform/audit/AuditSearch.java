package de.efa.platform.audit;

import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Operators read the audit trail: a page of it, or all of a range as CSV. */
@ApplicationScoped
public class AuditSearch {

    /** The most entries one CSV answer holds, as deep as paging reaches. */
    private static final long MAX_EXPORT = PageRequest.MAX_DEPTH;
    /** Entries read from the database at a time while a CSV answer is written, each in a short transaction. */
    private static final int CHUNK = 500;

    private final AuditEntries entries;

    public AuditSearch(AuditEntries entries) {
        this.entries = entries;
    }

    /** One page of the entries the query names; 400 naming each parameter it cannot read. */
    public Page<AuditEntry> page(String from, String to, String actor, String target, String page, String size) {
        Violations violations = new Violations();
        AuditFilter filter = AuditFilter.of(from, to, actor, target, violations);
        PageRequest request = PageRequest.parse(page, size, violations);
        violations.throwIfAny();
        return Page.of(entries.page(filter, request.offset(), request.size()), request, entries.count(filter));
    }

    /**
     * Every entry the query names, ready to be written as CSV; 400 naming each parameter it cannot read, or
     * {@code from} when more than {@link #MAX_EXPORT} entries match.
     */
    public Export export(String from, String to, String actor, String target) {
        Violations violations = new Violations();
        AuditFilter filter = AuditFilter.of(from, to, actor, target, violations);
        violations.throwIfAny();
        long matching = entries.count(filter);
        if (matching > MAX_EXPORT) {
            violations.add("from", matching + " entries match, at most " + MAX_EXPORT + " fit one answer: narrow "
                    + "from and to").throwIfAny();
        }
        return new Export(filter);
    }

    /** The entries of a filter, newest first, read a chunk at a time so that no transaction lasts while they are sent. */
    public final class Export {

        private final AuditFilter filter;

        private Export(AuditFilter filter) {
            this.filter = filter;
        }

        public void writeCsv(Writer out) throws IOException {
            AuditCsv csv = new AuditCsv(out);
            AuditEntry last = null;
            long left = MAX_EXPORT;
            List<AuditEntry> chunk;
            do {
                chunk = entries.after(filter, last, (int) Math.min(CHUNK, left));
                for (AuditEntry entry : chunk) {
                    csv.print(entry);
                    last = entry;
                }
                left -= chunk.size();
            } while (chunk.size() == CHUNK && left > 0);
            csv.flush();
        }
    }
}
