package io.simfleet.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request the test kit's HTTP client sent and the answer it got, as the OpenAPI contract
 * check reads them ({@link OpenApiContract}). {@code target} is the path and query as sent
 * (percent-encoded, any letter case); header names are lower case.
 */
public record Exchange(String method, String target, Map<String, String> requestHeaders, String requestBody,
                       int status, Map<String, String> responseHeaders, String responseBody, String sentBy) {

    public Exchange {
        requestHeaders = lowerCase(requestHeaders);
        responseHeaders = lowerCase(responseHeaders);
    }

    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    public String requestHeader(String name) {
        return requestHeaders.get(name.toLowerCase(Locale.ROOT));
    }

    public String responseHeader(String name) {
        return responseHeaders.get(name.toLowerCase(Locale.ROOT));
    }

    /** "POST /api/CreateEndPoint → 200", as failures name the call. */
    public String call() {
        return method + " " + target + " → " + status;
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> m = new TreeMap<>();
        headers.forEach((k, v) -> m.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
        return m;
    }
}
