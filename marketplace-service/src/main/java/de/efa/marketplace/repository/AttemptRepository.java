package de.efa.marketplace.repository;

import de.efa.marketplace.domain.JobAttempt;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AttemptRepository implements PanacheRepositoryBase<JobAttempt, Long> {

    private static final String INSERT = """
            INSERT INTO job_attempt (job_id, at, action, request_identity, request, request_body, status, answer,
                duration_ms, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    public List<JobAttempt> ofJob(UUID jobId) {
        return list("jobId", Sort.ascending("id"), jobId);
    }

    /**
     * Adds one attempt to its job's history. Plain JDBC: persisting the entity made Hibernate fetch the generated id
     * at once, the most expensive part of storing a broker call, and nobody needs that id.
     */
    public void insert(JobAttempt attempt) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, attempt.jobId);
                insert.setTimestamp(2, Timestamp.from(attempt.at));
                insert.setString(3, attempt.action);
                insert.setObject(4, attempt.requestIdentity, Types.OTHER);
                insert.setString(5, attempt.request);
                insert.setString(6, attempt.requestBody);
                insert.setObject(7, attempt.status, Types.INTEGER);
                insert.setString(8, attempt.answer);
                insert.setLong(9, attempt.durationMs);
                insert.setString(10, attempt.note);
                insert.executeUpdate();
            }
        });
    }
}
