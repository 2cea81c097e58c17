package dev.shoal.rpc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Host whitelist, credentials and session id, each rule a case. */
class GateTest {

    private static final String SESSION = "abc123";

    private static Gate gate(String user, String password, String... whitelist) {
        return new Gate(new RpcConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RpcConfig.class;
            }

            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String address() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 9091;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String _password() {
                return password;
            }

            @Override
            public String[] hostWhitelist() {
                return whitelist;
            }

            @Override
            public boolean hostWhitelistEnabled() {
                return true;
            }

            @Override
            public String webRoot() {
                return "";
            }

            @Override
            public int maxRequestKiB() {
                return 64;
            }
        }, SESSION);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void loopbackNamesAndIpLiteralsAreAlwaysAllowed() {
        Gate gate = gate("", "");
        for (String host : new String[] {"localhost", "localhost:9091", "LOCALHOST.", "127.0.0.1:9091", "[::1]:9091",
            "192.168.1.20", "[fe80::1]"}) {
            assertTrue(gate.hostAllowed(host), host);
        }
    }

    @Test
    void otherNamesOnlyWhenWhitelisted() {
        Gate gate = gate("", "", "nas.lan", "*.home.example");
        assertTrue(gate.hostAllowed("nas.lan:9091"));
        assertTrue(gate.hostAllowed("box.home.example"));
        assertFalse(gate.hostAllowed("evil.example"));
        assertFalse(gate.hostAllowed("nas.lan.evil.example"));
        assertFalse(gate.hostAllowed("999.1.1.1.evil"));
        assertFalse(gate.hostAllowed("999.1.1.1"));
        assertFalse(gate.hostAllowed("[evil.example]"));
        assertFalse(gate.hostAllowed(null));
        assertFalse(gate.hostAllowed(""));
        assertEquals(Gate.Refusal.HOST, gate.check("evil.example", null, SESSION));
    }

    @Test
    void credentialsAreCheckedBeforeTheSessionId() {
        Gate gate = gate("alice", "pa:ss");
        assertEquals(Gate.Refusal.AUTH, gate.check("localhost", null, null));
        assertEquals(Gate.Refusal.AUTH, gate.check("localhost", basic("alice:wrong"), SESSION));
        assertEquals(Gate.Refusal.AUTH, gate.check("localhost", "Basic !!notbase64", SESSION));
        assertEquals(Gate.Refusal.SESSION, gate.check("localhost", basic("alice:pa:ss"), null));
        assertEquals(Gate.Refusal.SESSION, gate.check("localhost", basic("alice:pa:ss"), "stale"));
        assertNull(gate.check("localhost", basic("alice:pa:ss"), SESSION));
    }

    @Test
    void withoutAUserNoCredentialsAreAsked() {
        Gate gate = gate("", "");
        assertFalse(gate.authRequired());
        assertNull(gate.check("127.0.0.1", null, SESSION));
    }
}
