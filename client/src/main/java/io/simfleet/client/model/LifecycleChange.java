package io.simfleet.client.model;

import io.simfleet.client.Outcome;

/** {@code EndPointLifeCycleChange}'s answer: the state codes before and after ({@code responseParam}). */
public record LifecycleChange(String previousStatus, String currentStatus, Outcome outcome) {}
