package io.simfleet.sftapi;

import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Typed access to an SFT request object. Scalars may come as JSON strings or as JSON numbers and
 * booleans ({@code "true"} and {@code true} alike). A wrong type or value raises
 * {@code 1001 Wrong input parameter - <field>}; a missing mandatory field {@code 1000}. No value
 * may hold a control character, and numbers are ASCII digits ({@link Input}).
 */
final class Params {
    static final JsonMapper JSON = Json.MAPPER;
    private final JsonNode node;
    private final Map<String, String> aliases;
    private final boolean variant;

    private Params(JsonNode node, Map<String, String> aliases) {
        this(node, aliases, false);
    }

    private Params(JsonNode node, Map<String, String> aliases, boolean variant) {
        this.node = node;
        this.aliases = aliases;
        this.variant = variant;
    }

    /** Parses a request body; anything but a JSON object is malformed (HTTP 400). */
    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) throw new MalformedRequestException("Request");
            return n;
        } catch (JacksonException e) {
            throw new MalformedRequestException("Request");
        }
    }

    static Params of(JsonNode node) {
        return new Params(node == null ? NullNode.getInstance() : node, Map.of());
    }

    /** Field names of another spelling (the summary's endpointInfo) read as the reference's. */
    Params withAliases(Map<String, String> aliases) {
        return new Params(node, aliases);
    }

    /**
     * The SFT request object: {@code Request.requestParam}, or the summary variant's
     * {@code <variantKey>} object. Raises 1000 naming {@code Request} when neither is there.
     */
    static Params request(String body, String variantKey, Map<String, String> variantAliases) {
        JsonNode root = parse(body);
        JsonNode req = root.get("Request");
        if (req != null && !req.isNull()) {
            if (!req.isObject()) throw DomainException.wrong("Request");
            JsonNode rp = req.get("requestParam");
            if (rp == null || rp.isNull()) throw DomainException.missing("requestParam");
            if (!rp.isObject()) throw DomainException.wrong("requestParam");
            return of(rp);
        }
        if (variantKey != null) {
            JsonNode v = root.get(variantKey);
            if (v != null && !v.isNull()) {
                if (!v.isObject()) throw DomainException.wrong(variantKey);
                return of(v).withAliases(variantAliases);
            }
        }
        throw DomainException.missing("Request");
    }

    /**
     * The request level of a call that names its endpoint next to {@code requestParam}:
     * {@code Request} itself, or the summary variant's {@code <variantKey>} object (whose fields
     * are read through {@code variantAliases}). Raises 1000 naming {@code Request} when neither is there.
     */
    static Params requestLevel(String body, String variantKey, Map<String, String> variantAliases) {
        JsonNode root = parse(body);
        JsonNode req = root.get("Request");
        if (req != null && !req.isNull()) {
            if (!req.isObject()) throw DomainException.wrong("Request");
            return of(req);
        }
        JsonNode v = variantKey == null ? null : root.get(variantKey);
        if (v != null && !v.isNull()) {
            if (!v.isObject()) throw DomainException.wrong(variantKey);
            return new Params(v, variantAliases, true);
        }
        throw DomainException.missing("Request");
    }

    /**
     * {@code requestParam} of a request level; the summary variant keeps those fields on the
     * same object. Raises 1000 when {@code required} and absent.
     */
    Params requestParam(boolean required) {
        JsonNode rp = raw("requestParam");
        if (rp == null) {
            if (variant) return this;
            if (required) throw DomainException.missing("requestParam");
            return of(JSON.createObjectNode());
        }
        if (!rp.isObject()) throw DomainException.wrong("requestParam");
        return new Params(rp, aliases, variant);
    }

    /** The field names present, in request order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.properties().forEach(en -> names.add(en.getKey()));
        return names;
    }

    JsonNode raw(String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            for (Map.Entry<String, String> a : aliases.entrySet()) {
                if (a.getValue().equals(field) && node.has(a.getKey())) {
                    return node.get(a.getKey());
                }
            }
        }
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String field) {
        return raw(field) != null;
    }

    String text(String field) {
        JsonNode v = raw(field);
        if (v == null) return null;
        if (v.isString() || v.isNumber() || v.isBoolean()) return scalar(v.asString(), field);
        throw DomainException.wrong(field);
    }

    /** A scalar as given, trimmed; one holding a control character (a NUL, a line break …) is refused, not trimmed away. */
    private static String scalar(String v, String field) {
        if (Input.hasControlCharacter(v)) throw DomainException.wrong(field);
        return v.trim();
    }

    String requiredText(String field) {
        String v = text(field);
        if (v == null || v.isEmpty()) throw DomainException.missing(field);
        return v;
    }

    Boolean bool(String field) {
        String v = text(field);
        if (v == null || v.isEmpty()) return null;
        if (v.equalsIgnoreCase("true")) return Boolean.TRUE;
        if (v.equalsIgnoreCase("false")) return Boolean.FALSE;
        throw DomainException.wrong(field);
    }

    boolean requiredBool(String field) {
        Boolean b = bool(field);
        if (b == null) throw DomainException.missing(field);
        return b;
    }

    /** {@code LOCK} → true, {@code UNLOCK} → false (any case), absent or empty → null; else 1001. */
    Boolean lockStatus(String field) {
        String v = text(field);
        if (v == null || v.isEmpty()) return null;
        if (v.equalsIgnoreCase("LOCK")) return Boolean.TRUE;
        if (v.equalsIgnoreCase("UNLOCK")) return Boolean.FALSE;
        throw DomainException.wrong(field);
    }

    /** {@code v} when it is {@code min}–{@code max} ASCII digits, else 1001 naming {@code field}. */
    static String digits(String v, String field, int min, int max) {
        if (v.length() < min || v.length() > max || !Input.asciiDigits(v)) throw DomainException.wrong(field);
        return v;
    }

    Long longValue(String field) {
        String v = text(field);
        if (v == null || v.isEmpty()) return null;
        return parseLong(v, field);
    }

    BigDecimal decimal(String field) {
        String v = text(field);
        if (v == null || v.isEmpty()) return null;
        try {
            return Input.amount(new BigDecimal(v), field);
        } catch (NumberFormatException e) {
            throw DomainException.wrong(field);
        }
    }

    /** A list given as a JSON array or as one string with {@code separators} (a regex). */
    List<String> list(String field, String separators) {
        JsonNode v = raw(field);
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isArray()) {
            for (JsonNode item : v.values()) {
                if (!(item.isString() || item.isNumber())) throw DomainException.wrong(field);
                String s = scalar(item.asString(), field);
                if (s.isEmpty()) throw DomainException.wrong(field);
                out.add(s);
            }
            return out;
        }
        String s = text(field);
        if (s.isEmpty()) return out;
        for (String part : s.split(separators)) {
            String p = part.trim();
            if (p.isEmpty()) throw DomainException.wrong(field);
            out.add(p);
        }
        return out;
    }

    List<Long> longList(String field, String separators) {
        return list(field, separators).stream().map(s -> parseLong(s, field)).toList();
    }

    /** 1–18 ASCII digits (any id fits a BIGINT), else 1001 naming {@code field}. */
    static long parseLong(String v, String field) {
        return Long.parseLong(digits(v, field, 1, 18));
    }
}
