package io.tiergate.campaign.detection;

/** A member of a family group: its latest report and the event time at which the group flagged it (0: not yet). */
public record GroupMember(MemberDelta delta, long flaggedAt) {}
