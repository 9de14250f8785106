package io.tiergate.identity.sybil;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.tiergate.identity.config.IdentityConfig;
import io.tiergate.identity.document.DocumentEvidence;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Normalized identity fingerprints, each stored only as an HMAC-SHA256 under a key from config: equal inputs
 * give equal fingerprints (so duplicates link), and a database dump reveals no email, phone or document number.
 */
@ApplicationScoped
public class Fingerprints {

    /** Providers whose mailboxes ignore dots in the local part. */
    private static final Set<String> DOTLESS_DOMAINS = Set.of("gmail.com", "googlemail.com");

    private final SecretKeySpec key;

    // Optional, so that a missing key is reported by IdentitySecrets at startup, naming its variable.
    public Fingerprints(IdentityConfig config) {
        byte[] bytes = Base64.getDecoder()
                .decode(config.fingerprintKey()
                        .orElseThrow(() -> new IllegalStateException(
                                "tiergate.identity.fingerprint-key is not set (TIERGATE_IDENTITY_FINGERPRINT_KEY)")));
        if (bytes.length < 32) {
            throw new IllegalStateException("tiergate.identity.fingerprint-key must be at least 256 bits");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The fingerprints an applicant gives: document, canonical email, E.164 phone, device, payment instrument. */
    public Map<FingerprintKind, String> of(
            DocumentEvidence document,
            String email,
            String phone,
            String region,
            String deviceId,
            String paymentFingerprint) {
        Map<FingerprintKind, String> out = new EnumMap<>(FingerprintKind.class);
        if (document != null) {
            out.put(
                    FingerprintKind.DOCUMENT,
                    hash("doc:" + document.type() + ":"
                            + document.issuingCountry().toUpperCase(Locale.ROOT) + ":"
                            + documentNumber(document.number())));
        }
        if (email != null && !email.isBlank()) {
            out.put(FingerprintKind.EMAIL, hash("email:" + canonicalEmail(email)));
        }
        if (phone != null && !phone.isBlank()) {
            String e164 = e164(phone, region);
            if (e164 != null) {
                out.put(FingerprintKind.PHONE, hash("phone:" + e164));
            }
        }
        if (deviceId != null && !deviceId.isBlank()) {
            out.put(FingerprintKind.DEVICE, hash("device:" + deviceId.strip()));
        }
        if (paymentFingerprint != null && !paymentFingerprint.isBlank()) {
            out.put(FingerprintKind.PAYMENT_INSTRUMENT, hash("payment:" + paymentFingerprint.strip()));
        }
        return out;
    }

    /** The keyed hash of a document number, as stored on the case. */
    public String documentHash(DocumentEvidence document) {
        return of(document, null, null, null, null, null).get(FingerprintKind.DOCUMENT);
    }

    public static String documentNumber(String number) {
        return number.replace("-", "").replace("<", "").toUpperCase(Locale.ROOT);
    }

    /** Lower-cased; "+tag" removed; dots removed where the provider ignores them. */
    static String canonicalEmail(String email) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at <= 0) {
            return lower;
        }
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        if (DOTLESS_DOMAINS.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /** E.164 via libphonenumber, with the residence country as the default region; null if not a valid number. */
    static String e164(String phone, String region) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(phone, region == null ? "ZZ" : region);
            return util.isValidNumber(number) ? util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
