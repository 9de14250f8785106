package io.tiergate.identity.screening;

/** Fired (asynchronously) when a new version of the lists replaced the previous one. */
public record ListsChanged(String previousVersion, String version, int entries) {}
