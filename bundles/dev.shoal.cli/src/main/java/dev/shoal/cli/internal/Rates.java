package dev.shoal.cli.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Transfer rates typed on the command line, in bytes per second, with binary multiples (K = 1024). */
final class Rates {

    private static final Pattern RATE = Pattern.compile("(\\d{1,15}(?:\\.\\d{1,6})?|\\.\\d{1,6})\\s*([kmgt]?)(?:i?b)?(?:/s)?");
    private static final String UNITS = "kmgt";

    private Rates() {
    }

    /**
     * Reads {@code 0}, {@code 81920}, {@code 500K}, {@code 100k}, {@code 2M}, {@code 1.5MiB},
     * {@code 10KB/s}: bytes per second, K/M/G/T being 1024, 1024², ...; 0 means no limit.
     */
    static long parse(String text) {
        Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a rate: \"" + text
                    + "\" (bytes per second, say e.g. 500K, 2M or 1.5MiB; K = 1024; 0 for no limit)");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2)) + 1;
        BigDecimal bytes = value.multiply(BigDecimal.valueOf(1L << (10 * power)));
        if (bytes.signum() > 0 && bytes.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("rate too small: \"" + text + "\" is less than one byte per second");
        }
        try {
            return bytes.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("rate too large: \"" + text + "\"");
        }
    }
}
