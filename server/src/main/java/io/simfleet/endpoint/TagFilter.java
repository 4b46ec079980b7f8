package io.simfleet.endpoint;

/** Which endpoints a list shows, by their tags: all, those with one tag, or those with none. */
public sealed interface TagFilter {
    record Any() implements TagFilter {}

    record WithTag(long tagId) implements TagFilter {}

    record Untagged() implements TagFilter {}
}
