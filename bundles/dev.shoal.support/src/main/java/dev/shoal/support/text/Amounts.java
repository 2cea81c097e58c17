package dev.shoal.support.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar for an amount of bytes as people type it, for {@link Sizes} and {@link Rates}:
 * a decimal number ({@code 500}, {@code 1.5}, {@code .5}) and an optional binary unit: K, M, G, T, P
 * (any case, with or without "B" or "iB": {@code 256K}, {@code 4 MiB}, {@code 700MB}), or B or bytes.
 * K is 1024 whatever the spelling: torrent sites and clients write MB for MiB as often as not.
 * Fractions of a byte are rounded half up; an amount above 0 but below one byte is refused.
 */
final class Amounts {

    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d{1,18}(?:\\.\\d{1,6})?|\\.\\d{1,6})\\s*(?:([kmgtp])(?:i?b)?|b|bytes)?");
    private static final String POWERS = "kmgtp";

    private Amounts() {
    }

    /**
     * The bytes {@code text} names.
     *
     * @param what     "size" or "rate", for the messages
     * @param examples what to say instead, e.g. "262144, 256K or 4M"
     * @throws IllegalArgumentException with a one-line message that quotes {@code original}
     */
    static long parse(String text, String original, String what, String examples) {
        Matcher m = AMOUNT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + what + ": \"" + original + "\" (say e.g. " + examples + ")");
        }
        int power = m.group(2) == null ? 0 : POWERS.indexOf(m.group(2)) + 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.signum() > 0 && bytes.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException(what + " too small: \"" + original + "\" is less than one byte");
        }
        try {
            return bytes.setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " too large: \"" + original + "\"");
        }
    }
}
