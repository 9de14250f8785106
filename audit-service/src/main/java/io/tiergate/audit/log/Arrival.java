package io.tiergate.audit.log;

import io.tiergate.commons.event.CloudEvent;

/** An event as it arrived: its topic, its exact payload, and the envelope parsed from it. */
public record Arrival(String topic, String payload, CloudEvent event) {}
