package io.simfleet.sftapi;

/** A request that cannot be parsed at all (not JSON, not an object): answered with HTTP 400. */
class MalformedRequestException extends RuntimeException {
    final String field;

    MalformedRequestException(String field) {
        super("Malformed request: " + field);
        this.field = field;
    }
}
