package io.tiergate.campaign.detection;

import io.tiergate.campaign.record.RequestRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Per record, in O(1): counts the record into its account's profile and reports the account to a family group when
 * the account's count there first reaches the heavy threshold and then each time it doubles, so a family group
 * hears of an account O(log n) times, not once per request.
 */
public final class AccountStage {

    private static final int TOP_FAMILIES = 16;

    private final DetectionSettings settings;

    public AccountStage(DetectionSettings settings) {
        this.settings = settings;
    }

    public AccountProfile newProfile() {
        return new AccountProfile(settings.familySlots());
    }

    public List<MemberDelta> observe(AccountProfile profile, RequestRecord record) {
        int[] advanced = profile.observe(record);
        List<MemberDelta> deltas = null;
        FrequentFamilies families = profile.families;
        for (int index : advanced) {
            if (index < 0) {
                continue;
            }
            int count = families.count(index);
            if (count >= settings.heavyCount() && count >= 2 * families.reported(index)) {
                families.markReported(index);
                if (deltas == null) {
                    deltas = new ArrayList<>(2);
                }
                deltas.add(delta(profile, record, index));
            }
        }
        return deltas == null ? List.of() : deltas;
    }

    private MemberDelta delta(AccountProfile p, RequestRecord record, int index) {
        long[] top = p.families.top(TOP_FAMILIES, settings.heavyCount());
        String[] topKeys = new String[top.length];
        for (int i = 0; i < top.length; i++) {
            topKeys[i] = PromptFamilies.key(top[i]);
        }
        return new MemberDelta(
                PromptFamilies.key(p.families.key(index)),
                record.accountId(),
                p.lastSeen,
                p.families.count(index),
                p.families.cots(index),
                p.requests,
                p.cots,
                topKeys,
                p.registeredAt,
                p.firstSeen,
                p.orgId,
                p.prefixes.top(),
                p.asns.top(),
                p.devices.top(),
                p.payments.top(),
                p.userAgents.top(),
                null);
    }
}
