package io.tiergate.entitlement.usage;

import io.tiergate.commons.outbox.Outbox;
import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.policy.PolicyStore;
import io.tiergate.entitlement.projection.SubjectProjection;
import io.tiergate.entitlement.projection.SubjectState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Gateway usage reports. A report is written to the outbox as {@code tiergate.usage.reported} (durable, audited)
 * and counted by every instance when it reads the event back, so that no instance counts it twice.
 */
@ApplicationScoped
public class UsageReports {

    @Inject
    Outbox outbox;

    @Inject
    UsageLedger ledger;

    @Inject
    PolicyStore policies;

    @Inject
    SubjectProjection projection;

    @Transactional
    public void report(UsageReport report) {
        outbox.append(UsageEvents.TOPIC, UsageEvents.REPORTED, report.subject(), report);
    }

    /** Counts reported tokens against every token budget of the capability that applies to the subject. */
    void apply(UsageReport report, long atMillis, long nowMillis) {
        if (report.tokens() == null || report.tokens() == 0) {
            return;
        }
        ledger.addTokens(report.capability(), tokenCharges(report.capability(), projection.get(report.subject()),
                report.subject()), report.tokens(), atMillis, nowMillis);
    }

    private List<UsageLedger.Charge> tokenCharges(String capability, SubjectState subject, String subjectId) {
        Set<String> organizations = subject == null ? Set.of() : subject.organizations();
        List<UsageLedger.Charge> charges = new ArrayList<>();
        for (Entitlement entitlement : policies.current().entitlementsOf(capability)) {
            for (Budget budget : entitlement.budgets()) {
                if (budget.tokens() == null) {
                    continue;
                }
                if (budget.scope() == Budget.Scope.SUBJECT) {
                    charges.add(new UsageLedger.Charge(budget, subjectId));
                } else {
                    organizations.forEach(org -> charges.add(new UsageLedger.Charge(budget, org)));
                }
            }
        }
        return charges.stream().distinct().toList();
    }
}
