package io.simfleet.job;

import io.simfleet.common.Json;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * The registry of {@link JobHandler}s by kind: every handler bean of the application, checked at
 * start-up (one per kind, a version from 1). Reads and writes payloads for them.
 */
@Component
public class JobHandlers {
    private final Map<String, JobHandler<?>> byKind = new TreeMap<>();

    public JobHandlers(List<JobHandler<?>> handlers) {
        for (JobHandler<?> h : handlers) {
            if (h.kind() == null || h.kind().isBlank()) throw new IllegalStateException(h.getClass().getName() + " has no kind");
            if (h.payloadVersion() < 1) throw new IllegalStateException(h.kind() + ": payload versions start at 1");
            JobHandler<?> other = byKind.putIfAbsent(h.kind(), h);
            if (other != null) {
                throw new IllegalStateException("two handlers of job kind " + h.kind() + ": " + other.getClass().getName()
                        + " and " + h.getClass().getName());
            }
        }
    }

    public Optional<JobHandler<?>> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public JobHandler<?> get(String kind) {
        return find(kind).orElseThrow(() -> new IllegalArgumentException("no handler of job kind " + kind));
    }

    public Collection<JobHandler<?>> all() {
        return byKind.values();
    }

    /** The kinds this instance can work; the claim takes no other, so a kind only a newer instance knows waits for it. */
    String[] kinds() {
        return byKind.keySet().toArray(new String[0]);
    }

    /** The JSON stored for a payload (in the handler's current version). */
    String write(JobHandler<?> h, Object payload) {
        if (!h.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(h.kind() + " takes a " + h.payloadType().getName() + " payload, not "
                    + (payload == null ? "null" : payload.getClass().getName()));
        }
        return Json.MAPPER.writeValueAsString(payload);
    }

    /**
     * A stored payload as the handler's record: upgraded step by step from {@code version} to
     * the current version, then read with unknown properties ignored. Raises on a version newer
     * than the handler's (written by a newer instance) or older than 1.
     */
    public static <P> P read(JobHandler<P> h, int version, String json) {
        if (version < 1 || version > h.payloadVersion()) {
            throw new IllegalStateException(h.kind() + " reads payload versions 1 to " + h.payloadVersion() + ", not " + version);
        }
        ObjectReader reader = Json.MAPPER.readerFor(h.payloadType()).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (version == h.payloadVersion()) return reader.readValue(json);
        // through a tree that keeps decimals exactly as stored (12.50 stays 12.50, not the double 12.5)
        JsonNode node = Json.MAPPER.reader().with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).readTree(json);
        for (int v = version; v < h.payloadVersion(); v++) {
            if (!(node instanceof ObjectNode o)) throw new IllegalStateException(h.kind() + " payload v" + v + " is not an object");
            node = h.upgrade(v, o);
        }
        return reader.readValue(node);
    }
}
