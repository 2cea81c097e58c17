package dev.shoal.peer.internal.net;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an incoming connection of a family turned off before any byte of it is read. A socket on
 * every interface is dual-stack whatever we ask (Java binds {@code 0.0.0.0} as {@code ::} where it
 * can), so the family is checked here, per connection; it changes live.
 */
final class FamilyFilter extends IoFilterAdapter {

    static final String NAME = "address-family";
    private static final Logger LOG = LoggerFactory.getLogger(FamilyFilter.class);

    private static final String REFUSED = FamilyFilter.class.getName() + ".refused";

    private volatile AddressFamilies families;

    FamilyFilter(AddressFamilies families) {
        this.families = families;
    }

    void set(AddressFamilies value) {
        families = value;
    }

    /**
     * A refused session is closed and hidden from the rest of the chain, which never saw it open:
     * as MINA's own BlacklistFilter does.
     */
    @Override
    public void sessionCreated(NextFilter next, IoSession session) throws Exception {
        if (!families.allows(session.getRemoteAddress())) {
            LOG.debug("refused {}: only {} is on", session.getRemoteAddress(), families.setting());
            session.setAttribute(REFUSED, Boolean.TRUE);
            session.closeNow();
            return;
        }
        next.sessionCreated(session);
    }

    @Override
    public void sessionOpened(NextFilter next, IoSession session) throws Exception {
        if (!session.containsAttribute(REFUSED)) {
            next.sessionOpened(session);
        }
    }

    @Override
    public void sessionClosed(NextFilter next, IoSession session) throws Exception {
        if (!session.containsAttribute(REFUSED)) {
            next.sessionClosed(session);
        }
    }

    @Override
    public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
        if (!session.containsAttribute(REFUSED)) {
            next.messageReceived(session, message);
        }
    }
}
