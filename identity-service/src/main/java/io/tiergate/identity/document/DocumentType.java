package io.tiergate.identity.document;

/** The identity documents the built-in provider reads: ICAO 9303 TD3 passports and TD1 national ID cards. */
public enum DocumentType {
    PASSPORT,
    NATIONAL_ID
}
