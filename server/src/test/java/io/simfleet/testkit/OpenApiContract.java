package io.simfleet.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI descriptions the server serves ({@code server/src/main/resources/static/openapi/}),
 * read as a contract that one HTTP exchange either keeps or breaks. A request is matched to its
 * operation the way the server routes it (percent-decoded, literal segments in any letter case);
 * its query, path and header parameters and its body are checked against the operation's
 * parameters and request body, and the answer against the response of its status: media type,
 * required headers, and the body against the schema (JSON Schema 2020-12, OpenAPI 3.1 dialect,
 * by networknt's validator).
 *
 * <p>A request the server refused as malformed or unauthorised (HTTP 400, 401, 403, 404, 405,
 * 413, 415, 422, 429, or result code 1000, 1001, 10002, 10073, 10134) is not held to the request
 * description — a test that sends a bad request on purpose is expected to — but its answer is.
 * A request that matches no operation must be answered with the envelope's refusal.
 */
public final class OpenApiContract {
    /** The descriptions, as served under /openapi/. */
    public static final List<String> DOCUMENTS = List.of("sft.yaml", "admin.yaml");
    /** Served files and the web portal's pages (docs/portal.md), not API calls: not described, never checked here. */
    private static final List<String> NOT_API = List.of("/openapi/", "/swagger-ui/", "/webjars/", "/portal");
    private static final Set<Integer> REFUSED_STATUS = Set.of(400, 401, 403, 404, 405, 413, 415, 422, 429, 431);
    private static final Set<String> REFUSED_CODES = Set.of("1000", "1001", "10002", "10073", "10134");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static volatile OpenApiContract shared;

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** One operation of a description: where it is ({@code doc}, JSON pointer) and how its path is matched. */
    public record Operation(String doc, String path, String method, String operationId, JsonNode node, JsonNode pathItem,
                            String pointer) {
        String[] segments() {
            return path.substring(1).split("/", -1);
        }
    }

    /** What one exchange came to: its operation (null if none), whether the call succeeded, what broke the description. */
    public record Result(String operationId, boolean succeeded, List<String> violations) {
        public String describe(Exchange e) {
            StringBuilder b = new StringBuilder("OpenAPI: ").append(e.call())
                    .append(operationId == null ? " (no operation)" : " (operation " + operationId + ")")
                    .append(", sent by ").append(e.sentBy()).append(", breaks the description:");
            violations.forEach(v -> b.append("\n  ").append(v));
            if (e.requestBody() != null) b.append("\n  request body: ").append(cut(e.requestBody()));
            b.append("\n  response body: ").append(cut(e.responseBody()));
            return b.toString();
        }

        private static String cut(String s) {
            return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
        }
    }

    public static OpenApiContract shared() {
        OpenApiContract c = shared;
        if (c == null) {
            synchronized (OpenApiContract.class) {
                if (shared == null) shared = new OpenApiContract();
                c = shared;
            }
        }
        return c;
    }

    public OpenApiContract() {
        for (String doc : DOCUMENTS) {
            JsonNode root = read(doc);
            documents.put(doc, root);
            root.path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
                if (METHODS.contains(m.getKey())) {
                    operations.add(new Operation(doc, p.getKey(), m.getKey().toUpperCase(Locale.ROOT),
                            m.getValue().path("operationId").asString(null), m.getValue(), p.getValue(),
                            "/paths/" + escape(p.getKey()) + "/" + m.getKey()));
                }
            }));
        }
    }

    public static JsonNode read(String doc) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream("static/openapi/" + doc)) {
            if (in == null) throw new IllegalStateException("no static/openapi/" + doc + " on the class path");
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, JsonNode> documents() {
        return documents;
    }

    public List<Operation> operations() {
        return operations;
    }

    public Result check(Exchange e) {
        String decoded = decode(e.path());
        for (String prefix : NOT_API) {
            if (e.path().toLowerCase(Locale.ROOT).startsWith(prefix)
                    || (decoded != null && decoded.toLowerCase(Locale.ROOT).startsWith(prefix))) return new Result(null, false, List.of());
        }
        List<String> violations = new ArrayList<>();
        Operation op = null;
        boolean pathKnown = false;
        Map<String, String> pathParams = new LinkedHashMap<>();
        if (decoded != null) {
            for (Operation o : operations) {
                Map<String, String> params = match(o, decoded);
                if (params == null) continue;
                pathKnown = true;
                if (o.method().equalsIgnoreCase(e.method())) {
                    op = o;
                    pathParams = params;
                    break;
                }
            }
        }
        JsonNode body = parse(e.responseBody());
        if (op == null) {
            // no operation answers this: a refusal in the envelope (404 path, 405 method, 400 firewall, 401/403/10002 security)
            validate(violations, "sft.yaml", "/components/schemas/Refusal", body,
                    "response (the descriptions have no " + e.method() + (pathKnown ? " on this path" : " " + e.path()) + ", so a refusal)");
            return new Result(null, false, violations);
        }
        boolean succeeded = succeeded(op, e, body);
        if (!refused(e, body)) checkRequest(violations, op, e, pathParams);
        checkResponse(violations, op, e, body);
        return new Result(op.operationId(), succeeded, violations);
    }

    private static boolean succeeded(Operation op, Exchange e, JsonNode body) {
        if (e.status() < 200 || e.status() > 299) return false;
        JsonNode response = body == null ? null : body.get("Response");
        if (response != null) return "0".equals(response.path("resultCode").asString(""));
        return true;
    }

    private static boolean refused(Exchange e, JsonNode body) {
        if (REFUSED_STATUS.contains(e.status())) return true;
        if (body == null) return false;
        String code = body.has("Response") ? body.path("Response").path("resultParam").path("resultCode").asString("")
                : body.path("resultCode").asString("");
        return REFUSED_CODES.contains(code);
    }

    // --- requests

    private void checkRequest(List<String> violations, Operation op, Exchange e, Map<String, String> pathParams) {
        Map<String, String> query = queryParameters(e.query(), violations);
        for (Map.Entry<String, JsonNode> p : parameters(op).entrySet()) {
            JsonNode param = p.getValue();
            String name = param.path("name").asString();
            String in = param.path("in").asString();
            String value = switch (in) {
                case "query" -> query.get(name);
                case "path" -> pathParams.get(name);
                case "header" -> e.requestHeader(name);
                default -> null;
            };
            if (value == null) {
                if (param.path("required").asBoolean(false)) violations.add("request " + in + " parameter " + name + ": required, not sent");
                continue;
            }
            if (param.has("schema")) {
                validate(violations, op.doc(), p.getKey() + "/schema", JsonNodeFactory.instance.stringNode(value),
                        "request " + in + " parameter " + name);
            }
        }
        JsonNode requestBody = resolve(op.doc(), op.node().get("requestBody"));
        String pointer = op.pointer() + "/requestBody";
        if (op.node().has("requestBody") && op.node().get("requestBody").has("$ref")) {
            pointer = op.node().get("requestBody").get("$ref").asString().substring(1);
        }
        boolean sent = e.requestBody() != null && !e.requestBody().isEmpty();
        if (requestBody == null) {
            if (sent) violations.add("request body: the operation takes none");
            return;
        }
        if (!sent) {
            if (requestBody.path("required").asBoolean(false)) violations.add("request body: required, not sent");
            return;
        }
        String type = mediaType(e.requestHeader("Content-Type"));
        if (!requestBody.path("content").has(type)) {
            violations.add("request Content-Type " + type + ": not one the operation takes " + names(requestBody.path("content")));
            return;
        }
        if (type.endsWith("json")) {
            JsonNode json = parse(e.requestBody());
            if (json == null) {
                violations.add("request body: not JSON");
                return;
            }
            validate(violations, op.doc(), pointer + "/content/" + escape(type) + "/schema", json, "request");
        }
    }

    /** The operation's parameters and its path item's, by JSON pointer (a $ref followed), the operation's winning. */
    private Map<String, JsonNode> parameters(Operation op) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        Map<String, String> pointers = new LinkedHashMap<>();
        collect(op.doc(), op.pathItem().path("parameters"), "/paths/" + escape(op.path()) + "/parameters", byName, pointers);
        collect(op.doc(), op.node().path("parameters"), op.pointer() + "/parameters", byName, pointers);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        byName.forEach((key, node) -> out.put(pointers.get(key), node));
        return out;
    }

    private void collect(String doc, JsonNode list, String base, Map<String, JsonNode> byName, Map<String, String> pointers) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode raw = list.get(i);
            String pointer = raw.has("$ref") ? raw.get("$ref").asString().substring(1) : base + "/" + i;
            JsonNode p = resolve(doc, raw);
            String key = p.path("in").asString() + ":" + p.path("name").asString().toLowerCase(Locale.ROOT);
            byName.put(key, p);
            pointers.put(key, pointer);
        }
    }

    private static Map<String, String> queryParameters(String query, List<String> violations) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = decode(eq < 0 ? "" : pair.substring(eq + 1).replace("+", " "));
            if (name == null || value == null) continue; // refused by the server (400) before any operation
            out.putIfAbsent(name, value);
        }
        return out;
    }

    // --- responses

    private void checkResponse(List<String> violations, Operation op, Exchange e, JsonNode body) {
        JsonNode responses = op.node().path("responses");
        String status = Integer.toString(e.status());
        String key = responses.has(status) ? status
                : responses.has(status.charAt(0) + "XX") ? status.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (key == null) {
            violations.add("response status " + status + ": not described (described: " + names(responses) + ")");
            return;
        }
        JsonNode raw = responses.get(key);
        String pointer = raw.has("$ref") ? raw.get("$ref").asString().substring(1) : op.pointer() + "/responses/" + escape(key);
        JsonNode response = resolve(op.doc(), raw);
        response.path("headers").properties().forEach(h -> {
            JsonNode header = resolve(op.doc(), h.getValue());
            if (header.path("required").asBoolean(false) && e.responseHeader(h.getKey()) == null) {
                violations.add("response header " + h.getKey() + ": required, not sent");
            }
        });
        JsonNode content = response.path("content");
        boolean hasBody = e.responseBody() != null && !e.responseBody().isEmpty();
        if (content.isMissingNode() || content.isEmpty()) {
            if (hasBody) violations.add("response body: the description has none for " + status);
            return;
        }
        String type = mediaType(e.responseHeader("Content-Type"));
        if (!content.has(type)) {
            violations.add("response Content-Type " + type + ": not described " + names(content));
            return;
        }
        if (!type.endsWith("json")) return;
        if (body == null) {
            violations.add("response body: not JSON");
            return;
        }
        validate(violations, op.doc(), pointer + "/content/" + escape(type) + "/schema", body, "response");
    }

    // --- schemas

    private void validate(List<String> violations, String doc, String pointer, JsonNode instance, String what) {
        if (instance == null) {
            violations.add(what + " body: not JSON");
            return;
        }
        Schema schema = schemas.computeIfAbsent(doc + "#" + pointer,
                k -> registry.getSchema(SchemaLocation.of("classpath:static/openapi/" + k)));
        for (Error err : schema.validate(instance)) {
            violations.add(what + " " + err.getInstanceLocation() + ": " + err.getMessage()
                    + " (schema " + err.getEvaluationPath() + ")");
        }
    }

    /** A $ref to this document's components followed; anything else as it is. */
    private JsonNode resolve(String doc, JsonNode node) {
        if (node == null || !node.has("$ref")) return node;
        String ref = node.get("$ref").asString();
        if (!ref.startsWith("#/")) throw new IllegalStateException("only local references are used: " + ref);
        return resolve(doc, documents.get(doc).at(ref.substring(1)));
    }

    // --- paths

    /** The path parameters when {@code path} (decoded) is this operation's path, else null. */
    static Map<String, String> match(Operation op, String path) {
        if (!path.startsWith("/")) return null;
        String[] want = op.segments();
        String[] got = path.substring(1).split("/", -1);
        if (want.length != got.length) return null;
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (got[i].isEmpty()) return null;
                params.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equalsIgnoreCase(got[i])) {
                return null;
            }
        }
        return params;
    }

    /** Percent-decoding as UTF-8; null for a malformed escape or bytes that are not UTF-8 (the server refuses those). */
    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) return null;
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String mediaType(String header) {
        if (header == null) return "(none)";
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(p -> names.add(p.getKey()));
        return names;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) return null;
        try {
            return Api.JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
