package io.tiergate.audit.proof;

import io.tiergate.audit.log.AuditRecord;
import io.tiergate.audit.log.HashChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/** Recomputes every link of the chain from the stored payloads, in pages so memory stays flat. */
@ApplicationScoped
public class ChainVerifier {

    static final int PAGE = 1000;

    @Transactional
    public ChainVerification verify() {
        String expectedPrev = HashChain.GENESIS;
        long count = 0;
        long afterSeq = 0;
        while (true) {
            List<AuditRecord> page = AuditRecord.find("seq > ?1 order by seq", afterSeq).page(0, PAGE).list();
            for (AuditRecord record : page) {
                count++;
                boolean linked = record.seq == count && record.prevHash.equals(expectedPrev)
                        && record.hash.equals(HashChain.link(record.prevHash, record.payload));
                if (!linked) {
                    return new ChainVerification(false, count, null, record.seq);
                }
                expectedPrev = record.hash;
                afterSeq = record.seq;
            }
            if (page.size() < PAGE) {
                return new ChainVerification(true, count, expectedPrev, null);
            }
            AuditRecord.getEntityManager().clear();
        }
    }
}
