/**
 * Port mapping as others see it: {@link dev.shoal.portmap.api.ExternalAddress} is registered as a
 * service while a router has told Shoal its external address (for BEP 42 node ids, {@code yourip}),
 * and {@link dev.shoal.portmap.api.PortMapper} shows every mapping with its router, protocol,
 * lease and last error, and {@link dev.shoal.portmap.api.Connectivity} whether the peer port is
 * reachable as far as Shoal can tell.
 */
@Export
@Version("1.1.0")
package dev.shoal.portmap.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
