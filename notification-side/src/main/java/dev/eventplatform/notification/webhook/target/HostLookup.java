package dev.eventplatform.notification.webhook.target;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A name lookup; replaced in tests so that they need no DNS. */
@FunctionalInterface
interface HostLookup {

	/** The JDK's resolver: hosts file, system DNS and the JVM's cache. */
	HostLookup JDK = InetAddress::getAllByName;

	InetAddress[] lookup(String host) throws UnknownHostException;

}
