package io.simfleet.client.model;

import io.simfleet.client.Outcome;

/**
 * {@code CreateEndPoint}'s answer: the new {@code endPointId}, and the outcome whose code says how
 * far it went: 6411 created, 6409 created and SIM linked, 5014 created, linked and activated.
 */
public record CreatedEndpoint(String endPointId, Outcome outcome) {}
