package io.simfleet.endpoint;

/** How a call names its endpoint: by id, or by the IMSI, MSISDN or ICCID of its SIM. */
public record EndpointRef(Kind kind, String value) {
    public enum Kind { ENDPOINT_ID, IMSI, MSISDN, ICCID }

    public static EndpointRef id(long id) {
        return new EndpointRef(Kind.ENDPOINT_ID, Long.toString(id));
    }

    @Override
    public String toString() {
        return kind == Kind.ENDPOINT_ID ? "endpoint " + value : kind.name().toLowerCase() + " " + value;
    }
}
