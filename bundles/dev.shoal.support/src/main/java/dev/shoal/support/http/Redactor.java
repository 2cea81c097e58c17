package dev.shoal.support.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of what users and logs see. Query parameters that by their name carry a
 * credential ({@code apikey}, {@code passkey}, ...) are masked in every URL shown, whatever their
 * value; and the secrets a provider was configured with are masked wherever they appear, in case a
 * server echoes one back in an error text.
 */
public final class Redactor {

    public static final String MASK = "***";

    /** Parameter names Torznab, Newznab, Jackett's download links and private trackers use for keys. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("apikey", "api_key", "passkey", "jackett_apikey",
            "token", "authkey", "auth", "key", "password", "pass", "secret");

    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;#]*)=([^&;#]*)");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Masks these values (blank ones are ignored) besides the parameters named like secrets. */
    public static Redactor of(String... secrets) {
        List<String> kept = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                kept.add(secret);
                String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
                if (!encoded.equals(secret)) {
                    kept.add(encoded);
                }
            }
        }
        // Longest first, so a secret containing another is masked whole.
        kept.sort((a, b) -> b.length() - a.length());
        return new Redactor(List.copyOf(kept));
    }

    /** The URL as a message may show it. */
    public String uri(URI uri) {
        return text(maskParameters(uri.toString()));
    }

    /** {@code text} with every configured secret replaced by {@value #MASK}. */
    public String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private static String maskParameters(String url) {
        Matcher matcher = PARAMETER.matcher(url);
        StringBuilder out = new StringBuilder(url.length());
        while (matcher.find()) {
            String name = matcher.group(2).toLowerCase(Locale.ROOT);
            String value = SECRET_PARAMETERS.contains(name) && !matcher.group(3).isEmpty() ? MASK : matcher.group(3);
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + "=" + value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
