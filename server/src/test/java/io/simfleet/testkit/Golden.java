package io.simfleet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Compares an answer with a response example of the reference, kept verbatim under
 * {@code src/test/resources/golden/} (its source is listed in that folder's README.md), by
 * structure and codes:
 * <ul>
 *   <li>{@code Response.resultCode} and {@code Response.resultParam.resultCode} are equal;</li>
 *   <li>every object has the same keys, at every depth; every value has the same JSON type
 *       (object, array, string …); other values (ids, timestamps, names, descriptions) are not compared;</li>
 *   <li>an array's elements are compared with the example's elements taken together: a key every
 *       example element has is required, a key some have is allowed, any other key is extra.</li>
 * </ul>
 * Where our answer differs from the example on purpose, the test names the difference with
 * {@link #except} and its reason; an exception that no longer applies fails the test too, so the
 * list stays true. Paths are written {@code /Response/responseParam/endpoints[]/imei}.
 */
public final class Golden {
    private final String name;
    private final JsonNode expected;
    private final Map<String, String> exceptions = new LinkedHashMap<>();

    private Golden(String name, JsonNode expected) {
        this.name = name;
        this.expected = expected;
    }

    /** The example in {@code golden/<file>}. */
    public static Golden of(String file) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
            if (in == null) throw new IllegalArgumentException("no golden file " + file);
            return new Golden(file, Api.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key at {@code path} the example has and we leave out, or we send and the example has not; {@code why} says why. */
    public Golden except(String path, String why) {
        exceptions.put(path, why);
        return this;
    }

    /** Asserts that {@code actual} matches the example; answers it for further checks. */
    public Resp assertMatches(Resp actual) {
        JsonNode exp = expected.path("Response");
        JsonNode act = actual.json().path("Response");
        assertEquals(exp.path("resultCode").asString() + "/" + exp.path("resultParam").path("resultCode").asString(),
                act.path("resultCode").asString("") + "/" + act.path("resultParam").path("resultCode").asString(""),
                name + ": resultCode/resultParam.resultCode of " + actual.raw());
        Set<String> differences = new LinkedHashSet<>(); // an array's elements repeat the same difference
        Set<String> used = new HashSet<>();
        compare("/Response", List.of(exp), act, differences, used);
        Set<String> unused = new TreeSet<>(exceptions.keySet());
        unused.removeAll(used);
        for (String path : unused) differences.add(path + ": declared as a difference, but there is none (" + exceptions.get(path) + ")");
        if (!differences.isEmpty()) fail(name + " differs in structure:\n  " + String.join("\n  ", differences) + "\nanswer: " + actual.raw());
        return actual;
    }

    /** {@code act} against the example values {@code exps} (one, or an array's elements taken together). */
    private void compare(String path, List<JsonNode> exps, JsonNode act, Set<String> out, Set<String> used) {
        String type = type(exps.get(0));
        for (JsonNode e : exps) {
            if (!type(e).equals(type)) type = "mixed";
        }
        if (!type.equals("mixed") && !type(act).equals(type)) {
            out.add(path + ": " + type(act) + " where the example has " + type);
            return;
        }
        if (act.isObject()) {
            Set<String> required = null;
            Set<String> allowed = new LinkedHashSet<>();
            for (JsonNode e : exps) {
                Set<String> keys = new LinkedHashSet<>(e.propertyNames());
                allowed.addAll(keys);
                if (required == null) required = new LinkedHashSet<>(keys);
                else required.retainAll(keys);
            }
            for (String k : required) {
                if (!act.has(k) && !excepted(path + "/" + k, used)) out.add(path + "/" + k + ": missing");
            }
            for (String k : act.propertyNames()) {
                String p = path + "/" + k;
                if (!allowed.contains(k)) {
                    if (!excepted(p, used)) out.add(p + ": not in the example");
                    continue;
                }
                List<JsonNode> sub = new ArrayList<>();
                for (JsonNode e : exps) if (e.has(k)) sub.add(e.get(k));
                compare(p, sub, act.get(k), out, used);
            }
        } else if (act.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            for (JsonNode e : exps) e.values().forEach(elements::add);
            if (elements.isEmpty()) return;
            if (act.isEmpty()) {
                out.add(path + ": empty where the example has elements (give the test data to fill it)");
                return;
            }
            for (JsonNode a : act.values()) compare(path + "[]", elements, a, out, used);
        }
    }

    private boolean excepted(String path, Set<String> used) {
        if (!exceptions.containsKey(path)) return false;
        used.add(path);
        return true;
    }

    private static String type(JsonNode n) {
        if (n.isObject()) return "object";
        if (n.isArray()) return "array";
        if (n.isString()) return "string";
        if (n.isNumber()) return "number";
        if (n.isBoolean()) return "boolean";
        if (n.isNull()) return "null";
        return "missing";
    }
}
