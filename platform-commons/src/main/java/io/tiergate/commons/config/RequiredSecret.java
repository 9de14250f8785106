package io.tiergate.commons.config;

/** A key or secret production must bring itself: its property, the variable that sets it, and what it must be. */
public record RequiredSecret(String property, String environmentVariable, String format) {}
