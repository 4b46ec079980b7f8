package io.simfleet.common;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapper for the JSON simfleet reads and writes itself: SFT bodies, JSON columns, job
 * payloads. (Spring's own mapper, configured in {@code config.JsonInputConfig}, binds the
 * operator API's typed bodies.) Thread-safe once built.
 */
public final class Json {
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
