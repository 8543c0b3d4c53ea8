package de.efa.marketplace.service;

import de.efa.marketplace.domain.Finding;
import de.efa.marketplace.mapping.FindingMapper;
import de.efa.marketplace.mapping.FindingView;
import de.efa.marketplace.mapping.ResolveRequest;
import de.efa.marketplace.repository.FindingRepository;
import de.efa.platform.audit.AuditTrail;
import de.efa.platform.paging.Page;
import de.efa.platform.paging.PageRequest;
import de.efa.platform.problem.ProblemException;
import de.efa.platform.problem.Violations;
import de.efa.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** What an operator sees of the findings, and resolving them. */
@ApplicationScoped
public class FindingService {

    static final int MAX_NOTE_CHARS = 2000;

    private final FindingRepository findings;
    private final Findings resolutions;
    private final FindingMapper mapper;
    private final AuditTrail auditTrail;

    public FindingService(FindingRepository findings, Findings resolutions, FindingMapper mapper,
                          AuditTrail auditTrail) {
        this.findings = findings;
        this.resolutions = resolutions;
        this.mapper = mapper;
        this.auditTrail = auditTrail;
    }

    @Transactional
    public Page<FindingView> list(FindingQuery query) {
        PageRequest page = query.page();
        return Page.of(findings.page(query.kind(), query.resolved(), page.page(), page.size()), page,
                findings.count(query.kind(), query.resolved())).map(mapper::view);
    }

    /** Resolves an open finding with the operator's note; the caller is named as who resolved it. */
    @Transactional
    public FindingView resolve(Caller caller, String findingId, ResolveRequest request) {
        Violations violations = new Violations();
        UUID id = violations.parse("id", () -> Ids.uuid(findingId));
        String note = request == null ? null : request.note();
        violations.require("note", note);
        if (note != null && note.length() > MAX_NOTE_CHARS) {
            violations.add("note", "must be at most " + MAX_NOTE_CHARS + " characters");
        }
        violations.throwIfAny();
        Finding finding = findings.lockedById(id)
                .orElseThrow(() -> ProblemException.notFound("There is no finding " + id));
        resolutions.resolve(finding, auditTrail.actor(), caller.describe(), note);
        return mapper.view(finding);
    }
}
