package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.function.Function;

import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Spans;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for option values. A value that does not convert is a wrong command line:
 * picocli reports it as "Invalid value for option '--x': why", and the command exits 2.
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** Bytes per second, see {@link Rates#parse}: K = 1024, "1.5M", 0 for no limit. */
    static final class Rate extends Parsed<Long> {
        Rate() {
            super(Rates::parse);
        }
    }

    /** A span of time, see {@link Spans#parse}: "90s", "1h30m". */
    static final class Time extends Parsed<Duration> {
        Time() {
            super(Spans::parse);
        }
    }

    /** A share ratio, see {@link Shares#parseRatio}: a plain decimal number, 0 or more. */
    static final class Ratio extends Parsed<Double> {
        Ratio() {
            super(Shares::parseRatio);
        }
    }

    /** A value read by one of Shoal's grammars, whose one-line message becomes picocli's. */
    private abstract static class Parsed<T> implements ITypeConverter<T> {

        private final Function<String, T> parser;

        Parsed(Function<String, T> parser) {
            this.parser = parser;
        }

        @Override
        public T convert(String value) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A TCP port, 0 to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String t = value.trim();
            if (!t.matches("\\d{1,5}") || Integer.parseInt(t) > 65_535) {
                throw new TypeConversionException("not a port: \"" + value + "\" (0 to 65535; 0 picks a free one)");
            }
            return Integer.parseInt(t);
        }
    }
}
