package dev.shoal.rpc.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who may call, checked in Transmission's order before a request body is read: the Host header
 * against DNS rebinding, then HTTP Basic credentials, then the CSRF session id.
 */
final class Gate {

    /** What refused a request, and how the HTTP reply says so. */
    enum Refusal {
        /** 421 Misdirected Request, as Transmission answers a Host it does not serve. */
        HOST,
        /** 401 with a challenge. */
        AUTH,
        /** 409 carrying the session id to resend with. */
        SESSION
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String user;
    private final byte[] credentials;
    private final List<Pattern> hosts;
    private final boolean hostsChecked;
    private final String sessionId;

    Gate(RpcConfig config, String sessionId) {
        this.user = config.user();
        this.credentials = (config.user() + ":" + config._password()).getBytes(StandardCharsets.UTF_8);
        this.hosts = Arrays.stream(config.hostWhitelist()).map(String::strip).filter(h -> !h.isEmpty())
                .map(Gate::glob).toList();
        this.hostsChecked = config.hostWhitelistEnabled();
        this.sessionId = sessionId;
    }

    boolean authRequired() {
        return !user.isEmpty();
    }

    String sessionId() {
        return sessionId;
    }

    /** Why the request is refused, or null when it may be answered. */
    Refusal check(String host, String authorization, String session) {
        Refusal caller = checkCaller(host, authorization);
        if (caller != null) {
            return caller;
        }
        if (session == null || !MessageDigest.isEqual(session.getBytes(StandardCharsets.UTF_8),
                sessionId.getBytes(StandardCharsets.UTF_8))) {
            return Refusal.SESSION;
        }
        return null;
    }

    /**
     * Host and credentials only: what the web client's files need, fetched by a browser that has no
     * session id yet (its scripts get one from the RPC's 409).
     */
    Refusal checkCaller(String host, String authorization) {
        if (hostsChecked && !hostAllowed(host)) {
            return Refusal.HOST;
        }
        if (authRequired() && !authorized(authorization)) {
            return Refusal.AUTH;
        }
        return null;
    }

    /** localhost and IP literals always; else a whitelisted name. The port is not part of it. */
    boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String name = stripPort(host.strip()).toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals("localhost.") || isIpLiteral(name)) {
            return true;
        }
        return hosts.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 || host.indexOf(':') != colon ? host : host.substring(0, colon);
    }

    private static boolean isIpLiteral(String name) {
        if (name.startsWith("[") && name.endsWith("]")) {
            return ipv6(name.substring(1, name.length() - 1));
        }
        if (!IPV4.matcher(name).matches()) {
            return false;
        }
        for (String octet : name.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Java parses text with a ':' as an IPv6 literal, never as a name to look up. */
    private static boolean ipv6(String text) {
        if (text.indexOf(':') < 0 || !text.matches("[0-9a-fA-F:.]+(%[0-9A-Za-z]+)?")) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, credentials);
    }

    private static Pattern glob(String host) {
        return Pattern.compile(Arrays.stream(host.toLowerCase(Locale.ROOT).split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }
}
