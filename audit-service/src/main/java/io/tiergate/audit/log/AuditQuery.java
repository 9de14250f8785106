package io.tiergate.audit.log;

import java.time.OffsetDateTime;

/** Filters of an auditor's query; every one optional, combined with AND, results in log order after the cursor. */
public record AuditQuery(
        String subject,
        String type,
        String actor,
        String capability,
        OffsetDateTime since,
        OffsetDateTime until,
        long afterIndex,
        int limit) {}
