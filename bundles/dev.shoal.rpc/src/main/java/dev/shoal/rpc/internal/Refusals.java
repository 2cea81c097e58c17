package dev.shoal.rpc.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The HTTP replies of a {@link Gate.Refusal}, as Transmission words them; the RPC and the web files share them. */
final class Refusals {

    private Refusals() {
    }

    static void send(HttpServletResponse response, Gate.Refusal refusal, String sessionId) throws IOException {
        switch (refusal) {
            case HOST -> text(response, 421, "<h1>421: Misdirected Request</h1><p>Unknown Host header: add it to"
                    + " the hostWhitelist setting of " + RpcServlet.PID + ".</p>");
            case AUTH -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Shoal\"");
                text(response, HttpServletResponse.SC_UNAUTHORIZED, "<h1>401: Unauthorized</h1>");
            }
            case SESSION -> {
                response.setHeader(RpcServlet.SESSION_HEADER, sessionId);
                text(response, HttpServletResponse.SC_CONFLICT, "<h1>409: Conflict</h1><p>Your request had an"
                        + " invalid session-id header.</p><p><code>" + RpcServlet.SESSION_HEADER + ": " + sessionId
                        + "</code></p>");
            }
        }
    }

    static void text(HttpServletResponse response, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html; charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
