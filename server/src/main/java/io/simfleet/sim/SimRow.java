package io.simfleet.sim;

/** A SIM as listed by fetchSIM: the SIM with its product, endpoint and account names. */
public record SimRow(Sim sim, String productName, String cardClass, String endpointName, String accountName, Long parentAccountId) {}
