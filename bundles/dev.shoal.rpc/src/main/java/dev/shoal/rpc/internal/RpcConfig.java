package dev.shoal.rpc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of PID {@value RpcServlet#PID}, read by the servlet (who may call) and the endpoint (where it listens). */
@ObjectClassDefinition(name = "Shoal Transmission RPC",
        description = "Transmission's RPC at http://ADDRESS:PORT/transmission/rpc, for transmission-remote, Sonarr,"
                + " Radarr and web clients.")
public @interface RpcConfig {

    @AttributeDefinition(name = "Enabled", description = "Off: nothing listens.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Address", description = "The address to listen on: 127.0.0.1 (this machine only),"
            + " 0.0.0.0 (every interface: set a user and a password), or one of this machine's addresses.")
    String address() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "The TCP port; when taken, the next free one (the log and"
            + " shoal:rpc say which).", min = "1", max = "65535")
    int port() default 9091;

    @AttributeDefinition(name = "User", description = "With a user, every request needs HTTP Basic credentials;"
            + " empty: none needed.")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "The user's password"
            + " (.password in a .cfg file: a private property, never published or shown).")
    String _password() default "";

    @AttributeDefinition(name = "Host whitelist", description = "Host names the RPC answers to, against DNS"
            + " rebinding; '*' matches any run of characters. localhost and IP addresses are always allowed.")
    String[] hostWhitelist() default {};

    @AttributeDefinition(name = "Host whitelist enabled", description = "Off: any Host header is accepted.")
    boolean hostWhitelistEnabled() default true;

    @AttributeDefinition(name = "Web client folder", description = "A Transmission web client's files, served at"
            + " http://ADDRESS:PORT/transmission/web/ with the same credentials (Debian's transmission-common has"
            + " Transmission's own in /usr/share/transmission/web); empty: no web client.")
    String webRoot() default "";

    @AttributeDefinition(name = "Largest request (KiB)", description = "A longer request body is refused unread;"
            + " a .torrent sent in 'metainfo' grows by a third in base64.", min = "16")
    int maxRequestKiB() default 8192;
}
