package io.simfleet.client.model;

/** A tag to create ({@code createTag}): name and description up to 100 characters of letters, digits, {@code -}, {@code _} and space. */
public record NewTag(String tagName, String tagDescription) {}
