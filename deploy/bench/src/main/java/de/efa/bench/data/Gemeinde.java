package de.efa.bench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** One German municipality of the Destatis Gemeindeverzeichnis, as the rollout registers it. */
public record Gemeinde(String ags, String name, long population) {

    private static final String RESOURCE = "/data/gemeinden.csv";

    /** All 10,751 municipalities, in AGS order. */
    public static List<Gemeinde> all() {
        return Csv.readResource(RESOURCE).stream()
                .map(row -> new Gemeinde(row.get("ags"), row.get("name"), Long.parseLong(row.get("population"))))
                .toList();
    }

    /** The file itself, header and the first {@code count} municipalities: what an operator imports. */
    public static byte[] csv(int count) {
        try (InputStream in = Gemeinde.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).limit(count + 1L).toList();
            return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tenant kind: a Gemeinde number {@code 000} is a kreisfreie Stadt (the Kreis is the city itself), a
     * suffix naming a town (", Stadt", ", Hansestadt", ", GKSt" …) a Stadt, anything else a Gemeinde.
     */
    public String kind() {
        if (ags.endsWith("000")) {
            return "KREISFREIE_STADT";
        }
        int comma = name.indexOf(", ");
        String suffix = comma < 0 ? "" : name.substring(comma + 2).toLowerCase(Locale.GERMAN);
        return suffix.contains("stadt") || suffix.equals("st") || suffix.equals("gkst") ? "STADT" : "GEMEINDE";
    }

    public String landCode() {
        return ags.substring(0, 2);
    }

    public String contactEmail() {
        return "onlinedienste@" + ags + ".kommune.example";
    }
}
