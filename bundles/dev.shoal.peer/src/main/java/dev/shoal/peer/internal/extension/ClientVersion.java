package dev.shoal.peer.internal.extension;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** What we say as {@code v}: "Shoal" and the peer bundle's major.minor version. */
final class ClientVersion {

    private ClientVersion() {
    }

    static String of(Class<?> inBundle) {
        Bundle bundle = FrameworkUtil.getBundle(inBundle);
        // Outside a framework (unit tests) there is no bundle to ask; the name alone is still true.
        return bundle == null ? "Shoal" : "Shoal " + bundle.getVersion().getMajor() + "." + bundle.getVersion().getMinor();
    }
}
