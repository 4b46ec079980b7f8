package io.simfleet.endpoint;

import io.simfleet.common.Json;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads stored event payloads back into {@link EndpointEvent}s, upgrading older payload versions. */
public final class EndpointEvents {
    private static final Map<String, Class<?>> TYPES = Arrays.stream(EndpointEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private EndpointEvents() {}

    /**
     * The event of type {@code type} (the record's simple name) stored as {@code payload} in
     * version {@code version}. Unknown properties are ignored, so a payload written by a newer
     * server still reads; a payload version this server does not know is refused.
     */
    public static EndpointEvent read(String type, int version, String payload) {
        Class<?> c = TYPES.get(type);
        if (c == null) throw new IllegalArgumentException("unknown event type " + type);
        if (version != EndpointEvent.VERSION) {
            // no older version exists yet; an upgrade of the JSON tree goes here when one does
            throw new IllegalArgumentException("unknown payload version " + version + " of " + type);
        }
        return (EndpointEvent) Json.MAPPER.readerFor(c)
                .without(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(payload);
    }
}
