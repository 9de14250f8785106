package io.tiergate.audit.verifier;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The Certificate Transparency reference test vectors for RFC 6962 trees: the eight leaf inputs, the tree
 * heads, and happy-path inclusion and consistency proofs as published in transparency-dev/merkle
 * (testdata/, Apache-2.0). Hashes are base64, as there.
 */
public final class CtTestVectors {

    public static final List<byte[]> LEAVES = List.of(
            hex(""),
            hex("00"),
            hex("10"),
            hex("2021"),
            hex("3031"),
            hex("40414243"),
            hex("5051525354555657"),
            hex("606162636465666768696a6b6c6d6e6f"));

    public static final Map<Integer, String> ROOTS = Map.of(
            1, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
            2, "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=",
            3, "rra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=",
            5, "Tju7H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85ME6hiZNQ=",
            6, "duZ9rbzfHhDht03cYIq9L5jfsW+851J3tSMqEn8gh+8=",
            7, "3bib5AOAnjJXUNPSY814kpwpQreUKjS3fhIslZSnTIw=",
            8, "XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");

    public record Inclusion(long leafIndex, long treeSize, String leafHash, List<String> proof) {}

    public record Consistency(long size1, long size2, List<String> proof) {}

    public static final List<Inclusion> INCLUSIONS = List.of(
            new Inclusion(0, 1, "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=", List.of()),
            new Inclusion(
                    0,
                    8,
                    "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
                    List.of(
                            "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                            "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=")),
            new Inclusion(
                    5,
                    8,
                    "QnGia+DYqE8L1UyMMC58s6O10fpngKQLzOKHNHfatlg=",
                    List.of(
                            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
                            "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
                            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=")),
            new Inclusion(
                    2,
                    3,
                    "ApjRIpBtz8EIkstTpzmS/FufST6kybrbJ7eRtBJ6f+c=",
                    List.of("+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=")),
            new Inclusion(
                    1,
                    5,
                    "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                    List.of(
                            "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
                            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=")));

    public static final List<Consistency> CONSISTENCIES = List.of(
            new Consistency(
                    1,
                    8,
                    List.of(
                            "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                            "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=")),
            new Consistency(
                    6,
                    8,
                    List.of(
                            "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
                            "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
                            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=")),
            new Consistency(
                    2,
                    5,
                    List.of(
                            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=")),
            new Consistency(
                    6,
                    7,
                    List.of(
                            "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
                            "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=",
                            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=")));

    private CtTestVectors() {}

    public static byte[] b64(String value) {
        return Base64.getDecoder().decode(value);
    }

    public static List<byte[]> b64(List<String> values) {
        return values.stream().map(CtTestVectors::b64).toList();
    }

    private static byte[] hex(String value) {
        return HexFormat.of().parseHex(value);
    }
}
