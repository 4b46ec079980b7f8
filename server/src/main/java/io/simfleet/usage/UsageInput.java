package io.simfleet.usage;

import io.simfleet.common.Json;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads usage records from a stream, one at a time (a file of any size is never held whole):
 * JSON (an array of records, or {@code {"records": [...]}}) or CSV with a header line naming
 * the same fields. Each element becomes a {@link UsageRecord} or a refusal naming the field.
 *
 * <p>Fields: {@code recordId}, {@code type} (DATA, NBIOT or NB-IOT, SMS; or SMS_MO / SMS_MT),
 * {@code direction} (MO or MT, for SMS), {@code imsi}, {@code startTime} (ISO-8601 with an
 * offset; {@code time} for an SMS), {@code duration} (seconds), {@code uplinkBytes},
 * {@code downlinkBytes}, {@code visitedMccMnc}, {@code rat}, {@code apn}.
 */
final class UsageInput {
    private static final CsvMapper CSV = CsvMapper.builder().build();

    private UsageInput() {}

    /** One element of the input: a record, or why it was refused. */
    record Parsed(int index, String recordId, UsageRecord record, String refusal) {}

    /** A refusal of an element: the field at fault and what is wrong with it. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    static Iterator<Parsed> json(InputStream in) {
        JsonParser p;
        JsonToken first;
        try {
            p = Json.MAPPER.createParser(in);
            first = p.nextToken();
        } catch (JacksonException e) {
            throw new Refused("body: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (first == JsonToken.START_OBJECT) {
            // {"records": [...]}: find the array
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null || t == JsonToken.END_OBJECT) throw new Refused("records: missing");
                if (t == JsonToken.PROPERTY_NAME && p.currentName().equals("records")) {
                    if (p.nextToken() != JsonToken.START_ARRAY) throw new Refused("records: not an array");
                    break;
                }
                p.nextToken();
                p.skipChildren();
            }
        } else if (first != JsonToken.START_ARRAY) {
            throw new Refused("body: an array of records or {\"records\": [...]} expected");
        }
        return new Iterator<>() {
            int index = 0;
            String broken;
            JsonNode next = advance();

            /** The next element; null at the end, or when the stream breaks off (then {@code broken} says why). */
            private JsonNode advance() {
                try {
                    JsonToken t = p.nextToken();
                    if (t == null || t == JsonToken.END_ARRAY) return null;
                    return p.readValueAsTree();
                } catch (JacksonException e) {
                    broken = "body: not valid JSON from record " + index + " on (" + e.getOriginalMessage() + ")";
                    return null;
                }
            }

            public boolean hasNext() {
                return next != null || broken != null;
            }

            public Parsed next() {
                if (next == null) {
                    if (broken == null) throw new NoSuchElementException();
                    String why = broken;
                    broken = null;
                    return new Parsed(index, null, null, why);
                }
                JsonNode node = next;
                int i = index++;
                next = advance();
                if (!node.isObject()) return new Parsed(i, null, null, "record: not an object");
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    JsonNode v = e.getValue();
                    if (v.isNull()) continue;
                    if (!v.isValueNode()) return new Parsed(i, text(node, "recordId"), null, e.getKey() + ": not a value");
                    fields.put(e.getKey(), v.asString());
                }
                return parse(i, fields);
            }
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() ? null : v.asString();
    }

    static Iterator<Parsed> csv(InputStream in) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withNullValue("");
        MappingIterator<Map<String, String>> rows;
        try {
            rows = CSV.readerFor(Map.class).with(schema).readValues(in);
        } catch (JacksonException e) {
            throw new Refused("body: not CSV with a header line (" + e.getOriginalMessage() + ")");
        }
        return new Iterator<>() {
            int index = 0;
            boolean broken;

            public boolean hasNext() {
                if (broken) return false;
                try {
                    return rows.hasNextValue();
                } catch (JacksonException e) {
                    broken = true;
                    return false;
                }
            }

            public Parsed next() {
                int i = index++;
                try {
                    return parse(i, rows.nextValue());
                } catch (JacksonException e) {
                    return new Parsed(i, null, null, "line " + (i + 2) + ": not a CSV record of the header's fields");
                }
            }
        };
    }

    static Parsed parse(int index, Map<String, String> f) {
        String id = trim(f.get("recordId"));
        try {
            return new Parsed(index, id, record(f, id), null);
        } catch (Refused r) {
            return new Parsed(index, id, null, r.getMessage());
        }
    }

    private static UsageRecord record(Map<String, String> f, String id) {
        if (id == null) throw new Refused("recordId: missing");
        if (id.length() > 64 || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) throw new Refused("recordId: 1-64 printable characters without spaces");
        String imsi = trim(f.get("imsi"));
        if (imsi == null) throw new Refused("imsi: missing");
        if (!digits(imsi, 6, 15)) throw new Refused("imsi: 6-15 digits");
        UsageRecord.Service service = service(trim(f.get("type")), trim(f.get("direction")));
        String time = trim(f.get(service.volume() ? "startTime" : f.containsKey("time") ? "time" : "startTime"));
        if (time == null) time = trim(f.get("startTime"));
        if (time == null) throw new Refused("startTime: missing");
        Instant at;
        try {
            at = OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeException e) {
            throw new Refused("startTime: ISO-8601 with an offset expected (2026-11-27T10:15:30Z)");
        }
        int duration = (int) number(f, "duration", 0, 7L * 86400, true);
        long up = service.volume() ? number(f, "uplinkBytes", 0, 1_000_000_000_000L, false) : 0;
        long down = service.volume() ? number(f, "downlinkBytes", 0, 1_000_000_000_000L, false) : 0;
        String mccMnc = trim(f.get("visitedMccMnc"));
        if (mccMnc == null) mccMnc = trim(f.get("mccMnc"));
        if (mccMnc != null && !digits(mccMnc, 5, 6)) throw new Refused("visitedMccMnc: 5 or 6 digits");
        String rat = trim(f.get("rat"));
        if (rat != null && (rat.length() > 16 || !rat.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) throw new Refused("rat: at most 16 printable characters");
        String apn = trim(f.get("apn"));
        if (apn != null && (apn.length() > 100 || !apn.chars().allMatch(c -> c > 0x20 && c < 0x7f))) throw new Refused("apn: at most 100 printable characters");
        return new UsageRecord(id, imsi, service, at, duration, up, down, mccMnc, rat, apn);
    }

    private static UsageRecord.Service service(String type, String direction) {
        if (type == null) throw new Refused("type: missing");
        switch (type.toUpperCase()) {
            case "DATA":
                return UsageRecord.Service.DATA;
            case "NBIOT":
            case "NB-IOT":
                return UsageRecord.Service.NBIOT;
            case "SMS_MO":
                return UsageRecord.Service.SMS_MO;
            case "SMS_MT":
                return UsageRecord.Service.SMS_MT;
            case "SMS":
                if (direction == null) throw new Refused("direction: missing (MO or MT)");
                if (direction.equalsIgnoreCase("MO")) return UsageRecord.Service.SMS_MO;
                if (direction.equalsIgnoreCase("MT")) return UsageRecord.Service.SMS_MT;
                throw new Refused("direction: MO or MT");
            default:
                throw new Refused("type: DATA, NBIOT or SMS");
        }
    }

    private static long number(Map<String, String> f, String field, long min, long max, boolean optional) {
        String v = trim(f.get(field));
        if (v == null) {
            if (optional) return 0;
            throw new Refused(field + ": missing");
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) throw new Refused(field + ": " + min + " to " + max);
            return n;
        } catch (NumberFormatException e) {
            throw new Refused(field + ": a whole number expected");
        }
    }

    /** {@code min} to {@code max} ASCII digits (no regex: this runs for every field of every record). */
    private static boolean digits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
