package io.tiergate.identity.document;

import io.tiergate.identity.verification.Reason;
import java.time.LocalDate;
import java.util.List;

/**
 * The seam for document verification vendors (Onfido, Veriff, IDnow, ...): an adapter receives the evidence and
 * the claimed identity and answers with the reasons it refuses the document (none = accepted). The built-in
 * {@link LocalDocumentProvider} checks format, expiry and the MRZ's ICAO 9303 check digits.
 */
public interface DocumentProvider {

    List<Reason> check(DocumentEvidence document, LocalDate claimedDateOfBirth, List<String> claimedNationalities);
}
