package dev.shoal.rpc.internal;

import dev.shoal.engine.api.Engine;
import dev.shoal.portmap.api.PortMapper;
import dev.shoal.support.torrent.TorrentSource;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /transmission/rpc}, registered with the Servlet Whiteboard: the {@link Gate} first
 * (Host, credentials, session id), then a body of at most {@link RpcConfig#maxRequestKiB()}, then
 * {@link RpcCalls}. Settings change live ({@code @Modified}); the session id stays for the run.
 */
@Component(service = Servlet.class, configurationPid = RpcServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        // Also with a slash after it, where transmission-remote 3.00 posts (Felix matches "/x/*" to "/x/" only).
        property = {"osgi.http.whiteboard.servlet.pattern=" + RpcServlet.PATH,
            "osgi.http.whiteboard.servlet.pattern=" + RpcServlet.PATH + "/*",
            "osgi.http.whiteboard.servlet.name=dev.shoal.rpc"})
@Designate(ocd = RpcConfig.class)
public final class RpcServlet extends HttpServlet {

    public static final String PID = "dev.shoal.rpc";
    private static final Logger LOG = LoggerFactory.getLogger(RpcServlet.class);
    static final String PATH = "/transmission/rpc";
    static final String SESSION_HEADER = "X-Transmission-Session-Id";
    private static final String DATA_DIR_PROPERTY = "shoal.data.dir";
    private static final long serialVersionUID = 1L;

    private final transient RpcCalls calls;
    private final String sessionId;
    private volatile transient Gate gate;
    /** Metatype starts late and may go: the settings it describes are then left out, the RPC stays. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient MetaTypeService metatype;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile transient PortMapper portmap;
    private final transient BundleContext context;
    private volatile int maxBodyBytes;

    @Activate
    public RpcServlet(RpcConfig config, BundleContext context, @Reference Engine engine,
            @Reference ConfigurationAdmin configAdmin) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.sessionId = HexFormat.of().formatHex(random);
        Version version = context.getBundle().getVersion();
        String shoal = version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        SessionInfo session = new SessionInfo(SessionInfo.version(shoal), sessionId,
                dataDir == null ? "" : dataDir.strip());
        Configured configured = new Configured(context, configAdmin, () -> metatype);
        this.context = context;
        this.calls = new RpcCalls(engine, configured, session, new TorrentSource("Shoal/" + shoal), maxBytes(config),
                () -> {
                    PortMapper mapper = portmap;
                    return mapper == null ? Optional.empty()
                            : Optional.of(PortTest.describe(mapper.status(), engine.listenPort()));
                });
        modified(config);
    }

    @Modified
    void modified(RpcConfig config) {
        this.gate = new Gate(config, sessionId);
        this.maxBodyBytes = maxBytes(config);
    }

    private static int maxBytes(RpcConfig config) {
        return (int) Math.min(Integer.MAX_VALUE - 1, Math.max(16, config.maxRequestKiB()) * 1024L);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!admitted(request, response)) {
            return;
        }
        int limit = maxBodyBytes;
        long declared = request.getContentLengthLong();
        byte[] body = declared > limit ? null : read(request.getInputStream(), limit);
        if (body == null) {
            reply(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    calls.error("the request is larger than " + limit / 1024 + " KiB (setting maxRequestKiB of "
                            + PID + ")"));
            return;
        }
        reply(response, HttpServletResponse.SC_OK, calls.answer(body));
        if (calls.takeCloseRequest()) {
            response.flushBuffer();
            closeShoal();
        }
    }

    /**
     * session-close: Shoal stops as at {@code stop 0}, on a thread of its own, the answer sent (the
     * framework's stop waits for this servlet's bundle, so it cannot be waited for here).
     */
    private void closeShoal() {
        LOG.info("session-close: Shoal stops");
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(Constants.SYSTEM_BUNDLE_ID).stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.error("session-close: Shoal could not stop: {}", e.getMessage());
            }
        }, "shoal-rpc-session-close");
        stopper.start();
    }

    /** A GET gets the same checks, so a client may fetch its session id with one; it answers nothing more. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (admitted(request, response)) {
            reply(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, calls.error("POST a JSON request"));
        }
    }

    private boolean admitted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Gate current = gate;
        Gate.Refusal refusal = current.check(request.getHeader("Host"), request.getHeader("Authorization"),
                request.getHeader(SESSION_HEADER));
        if (refusal == null) {
            return true;
        }
        Refusals.send(response, refusal, current.sessionId());
        return false;
    }

    /** At most {@code limit} bytes; null when there are more. */
    private static byte[] read(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    private static void reply(HttpServletResponse response, int status, byte[] json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=UTF-8");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
