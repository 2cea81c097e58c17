/**
 * How {@code shoal cli} talks to a running Shoal: the wire format ({@link dev.shoal.remote.protocol.Frames}),
 * where a running Shoal leaves its port and token ({@link dev.shoal.remote.protocol.RemoteFiles}) and a
 * client ({@link dev.shoal.remote.protocol.RemoteShell}).
 *
 * <p>Plain JDK only, nothing from OSGi at run time: the distribution copies this package into the root
 * of {@code shoal.jar}, where the boot code uses it without starting the framework.
 */
@Export
@Version("1.0.0")
package dev.shoal.remote.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
