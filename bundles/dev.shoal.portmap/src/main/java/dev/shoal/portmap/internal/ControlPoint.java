package dev.shoal.portmap.internal;

import java.net.URI;

/**
 * Where an IGD's connection service takes SOAP calls.
 *
 * @param controlUrl  the service's control URL, on the device's own host
 * @param serviceType "urn:schemas-upnp-org:service:WANIPConnection:2" and the like
 */
record ControlPoint(URI controlUrl, String serviceType) {
}
