package io.simfleet.sim;

public record IccidRange(String first, String last, long quantity) {}
