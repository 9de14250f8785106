package io.tiergate.campaign.detection;

/**
 * A prompt's template families: the four 16-bit bands of its 64-bit SimHash (LSH banding). Two prompts within Hamming
 * distance 3 share at least one band, so paraphrases of one template meet in a family; a family key names the band
 * and its bits, so that equal bits in different bands never meet.
 */
public final class PromptFamilies {

    public static final int BANDS = 4;

    private PromptFamilies() {}

    public static long family(long simhash, int band) {
        return ((long) band << 16) | ((simhash >>> (16 * band)) & 0xFFFFL);
    }

    /** The SimHash bits a family fixes, as a STIX-friendly text: band and 4 hex digits. */
    public static String describe(long family) {
        return "band" + (family >>> 16) + ":" + String.format("%04x", family & 0xFFFF);
    }

    public static int band(String key) {
        return (int) (parse(key) >>> 16);
    }

    public static long parse(String key) {
        return Long.parseLong(key, 16);
    }

    public static String key(long family) {
        return Long.toHexString(family);
    }
}
