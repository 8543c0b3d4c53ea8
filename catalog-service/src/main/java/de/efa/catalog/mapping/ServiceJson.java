package de.efa.catalog.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.efa.catalog.domain.EfaService;
import de.efa.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Search answers as JSON bytes: each service written once by the same mapper as every other answer, and the
 * page envelope of docs/http.md ({@code items}, {@code page}, {@code size}, {@code total}) put around hits
 * that are JSON already, so that a cached hit is copied, not written again.
 */
@ApplicationScoped
public class ServiceJson {

    private static final byte[] ITEMS = "{\"items\":[".getBytes(StandardCharsets.US_ASCII);

    private final ServiceMapper mapper;
    private final ObjectMapper json;

    public ServiceJson(ServiceMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    public byte[] render(EfaService service) {
        try {
            return json.writeValueAsBytes(mapper.toView(service));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service could not be written as JSON", e);
        }
    }

    public byte[] page(Page<byte[]> hits) {
        byte[] end = ("],\"page\":" + hits.page() + ",\"size\":" + hits.size() + ",\"total\":" + hits.total() + "}")
                .getBytes(StandardCharsets.US_ASCII);
        List<byte[]> items = hits.items();
        int length = ITEMS.length + Math.max(0, items.size() - 1) + end.length;
        for (byte[] item : items) {
            length += item.length;
        }
        byte[] answer = new byte[length];
        System.arraycopy(ITEMS, 0, answer, 0, ITEMS.length);
        int at = ITEMS.length;
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                answer[at++] = ',';
            }
            byte[] item = items.get(i);
            System.arraycopy(item, 0, answer, at, item.length);
            at += item.length;
        }
        System.arraycopy(end, 0, answer, at, end.length);
        return answer;
    }
}
