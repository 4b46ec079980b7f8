package io.simfleet.client.model;

/** A row of {@code fetchApnGroup}; {@code apnList} is {@code |}-separated. */
public record ApnGroup(
        String apnGroupId,
        String apnGroupName,
        String defaultApn,
        String apnList) {
}
