package dev.shoal.rpc.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /transmission/web/...}: a Transmission web client's files from the folder of setting
 * {@link RpcConfig#webRoot()}, where Transmission serves its own; the client's scripts post to
 * {@code ../rpc}, which is {@link RpcServlet}. The same Host and credentials checks as the RPC
 * (a browser asks for the credentials on the first 401 and sends them with its scripts' posts);
 * no session id, which the scripts get from the RPC's 409. Only GET and HEAD.
 */
@Component(service = Servlet.class, configurationPid = RpcServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.http.whiteboard.servlet.pattern=" + WebServlet.PATH,
            "osgi.http.whiteboard.servlet.pattern=" + WebServlet.PATH + "/*",
            "osgi.http.whiteboard.servlet.name=dev.shoal.rpc.web"})
public final class WebServlet extends HttpServlet {

    static final String PATH = "/transmission/web";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WebServlet.class);

    private volatile transient Gate gate;
    private volatile transient WebFiles files;

    @Activate
    public WebServlet(RpcConfig config) {
        modified(config);
    }

    @Modified
    void modified(RpcConfig config) {
        gate = new Gate(config, "");
        files = WebFiles.of(config.webRoot());
        if (!config.webRoot().isBlank()) {
            if (files.on()) {
                LOG.info("Transmission web client served from {}", config.webRoot().strip());
            } else {
                LOG.warn("Transmission web client not served: {}", files.problem());
            }
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            response.setHeader("Allow", "GET, HEAD");
            Refusals.text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "<h1>405: Method Not Allowed</h1>");
            return;
        }
        Gate.Refusal refusal = gate.checkCaller(request.getHeader("Host"), request.getHeader("Authorization"));
        if (refusal != null) {
            Refusals.send(response, refusal, "");
            return;
        }
        WebFiles.Lookup lookup = files.find(request.getPathInfo());
        if (lookup instanceof WebFiles.Found found) {
            send(request, response, found, head);
        } else if (lookup instanceof WebFiles.Missing missing) {
            Refusals.text(response, HttpServletResponse.SC_NOT_FOUND, "<h1>404: Not Found</h1><p>"
                    + escape(missing.why()) + "</p>");
        } else {
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
        }
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, WebFiles.Found found,
            boolean head) throws IOException {
        long modified = Files.getLastModifiedTime(found.file()).toMillis() / 1000 * 1000;
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            since = -1;
        }
        response.setDateHeader("Last-Modified", modified);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (since >= modified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(found.contentType());
        response.setContentLengthLong(Files.size(found.file()));
        if (!head) {
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(found.file(), out);
            }
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
