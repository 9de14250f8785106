package io.tiergate.audit.verifier;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;

/** RFC 8032 encoding of Ed25519 public keys (32 bytes: little-endian y, x's sign in the top bit) to and from the JDK's. */
public final class Ed25519Keys {

    private Ed25519Keys() {}

    public static byte[] encode(PublicKey key) {
        EdECPoint point = ((EdECPublicKey) key).getPoint();
        byte[] y = point.getY().toByteArray();
        byte[] encoded = new byte[32];
        for (int i = 0; i < 32 && i < y.length; i++) {
            encoded[i] = y[y.length - 1 - i];
        }
        if (point.isXOdd()) {
            encoded[31] |= (byte) 0x80;
        }
        return encoded;
    }

    public static PublicKey decode(byte[] encoded) throws GeneralSecurityException {
        if (encoded.length != 32) {
            throw new GeneralSecurityException("an Ed25519 public key has 32 bytes");
        }
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = encoded[31 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        return KeyFactory.getInstance("EdDSA").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }
}
