package dev.shoal.support.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them: RFC 822/1123 in RSS ({@code Sat, 14 Mar 2015 17:10:42 -0400}, with
 * the old zone names {@code GMT}, {@code UT}, {@code EST}...) and ISO 8601 in Atom. A date nobody
 * can read is no reason to drop a result: it comes back {@code null}.
 */
public final class Dates {

    /** The RFC 822 zone names, which Java's RFC 1123 parser mostly refuses. */
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("UT", "+0000"), Map.entry("UTC", "+0000"),
            Map.entry("GMT", "+0000"), Map.entry("Z", "+0000"), Map.entry("EST", "-0500"), Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"), Map.entry("CDT", "-0500"), Map.entry("MST", "-0700"), Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"), Map.entry("PDT", "-0700"));

    /** Day of week (ignored, often wrong), day, month, year, time, zone. */
    private static final Pattern RFC_822 = Pattern.compile(
            "(?:[A-Za-z]{3,9},?\\s+)?(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*([+-]\\d{4}|[A-Za-z]{1,4})?");

    private static final DateTimeFormatter RFC_822_NORMAL = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d MMM uuuu H:mm[:ss] Z")
            .toFormatter(Locale.ROOT)
            // 31 Feb is no date, not 28 Feb.
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** The instant {@code text} names, or {@code null}. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank() || text.length() > 100) {
            return null;
        }
        String date = text.strip();
        Instant iso = iso(date);
        return iso != null ? iso : rfc822(date);
    }

    private static Instant iso(String date) {
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeException e) {
            // Next form.
        }
        try {
            return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // Next form.
        }
        try {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant rfc822(String date) {
        Matcher m = RFC_822.matcher(date);
        if (!m.matches()) {
            return null;
        }
        String year = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
        String zone = m.group(5) == null ? "+0000" : m.group(5);
        if (!zone.startsWith("+") && !zone.startsWith("-")) {
            zone = ZONES.getOrDefault(zone.toUpperCase(Locale.ROOT), "+0000");
        }
        String normal = m.group(1) + " " + m.group(2) + " " + year + " " + m.group(4) + " " + zone;
        try {
            return OffsetDateTime.parse(normal, RFC_822_NORMAL).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
