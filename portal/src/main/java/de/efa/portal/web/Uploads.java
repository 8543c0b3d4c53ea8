package de.efa.portal.web;

import de.efa.portal.client.Problem;
import de.efa.portal.client.ServiceException;
import de.efa.portal.service.FormErrors;
import de.efa.portal.service.ViolationTexts;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/**
 * Files in the format of the municipality directory, uploaded through a form and passed on as they are: reading the
 * upload, and the lines the tenant-service refused, each with why, in German.
 */
public final class Uploads {

    private Uploads() {
    }

    /** A line of the file with what is wrong with it; {@code line} as the service counts, the header being 1. */
    public record BadLine(String line, String message) {
    }

    /** A file the service refused whole: its bad lines, and the message at the file input that points to them. */
    record Refusal(List<BadLine> badLines, FormErrors errors) {
    }

    /** No file chosen is an empty one, which the tenant-service refuses for its missing header. */
    static String text(FileUpload file) {
        if (file == null) {
            return "";
        }
        try {
            return Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded file could not be read back", e);
        }
    }

    /**
     * The refusal of a file: its lines at the file input with what the refusal means ({@code nothingDone}); a refusal
     * that names no line (a file too large) is one message like any other form's.
     */
    static Refusal refusal(ServiceException e, String input, String nothingDone) {
        List<BadLine> badLines = e.problem().violationList().stream().map(Uploads::badLine).toList();
        FormErrors errors = badLines.isEmpty() ? Forms.errorsOf(e) : FormErrors.none().add(input, "Die Datei hat "
                + (badLines.size() == 1 ? "einen Fehler" : badLines.size() + " Fehler") + " (unten nach Zeilen); "
                + nothingDone);
        return new Refusal(badLines, errors);
    }

    /** A line the service did not take although it took the others. */
    static BadLine badLine(int line, String reason) {
        return new BadLine(String.valueOf(line), ViolationTexts.german(reason));
    }

    /** "line 3" is the file's third line. */
    private static BadLine badLine(Problem.Violation violation) {
        String field = violation.field() == null ? "" : violation.field();
        return new BadLine(field.replaceFirst("^line ", ""), ViolationTexts.german(violation.message()));
    }
}
