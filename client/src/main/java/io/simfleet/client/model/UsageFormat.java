package io.simfleet.client.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a usage file is written: {@code CSV} (a header line naming the fields, then one record a
 * line; sent as {@code text/csv}) or {@code JSON} (an array of records, or {@code {"records": [...]}};
 * sent as {@code application/json}).
 */
public enum UsageFormat {
    CSV("text/csv"),
    JSON("application/json");

    private final String contentType;

    UsageFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format a file's name says: {@code .csv} or {@code .json} (any case); empty for another name. */
    public static Optional<UsageFormat> of(Path file) {
        Path name = file.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) return Optional.of(CSV);
        if (n.endsWith(".json")) return Optional.of(JSON);
        return Optional.empty();
    }
}
