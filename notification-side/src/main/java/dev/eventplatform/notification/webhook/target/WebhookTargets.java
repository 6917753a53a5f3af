package dev.eventplatform.notification.webhook.target;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.notification.webhook.WebhookErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import reactor.netty.http.client.HttpClient;

/**
 * The rules for webhook target URLs. {@link #validate} runs when a URL is given;
 * {@link #guard} equips the delivery client to apply the address rules again on the
 * address it connects to, because DNS may answer differently by then.
 * <p>
 * With {@code platform.webhooks.allow-private-targets=true} (tests, local development)
 * only the syntax rules apply.
 */
public final class WebhookTargets {

	/**
	 * Longer URLs are refused rather than stored, logged and sent with every delivery.
	 */
	static final int MAX_LENGTH = 2048;

	private final boolean allowPrivateTargets;

	private final HostLookup lookup;

	public WebhookTargets(boolean allowPrivateTargets) {
		this(allowPrivateTargets, HostLookup.JDK);
	}

	WebhookTargets(boolean allowPrivateTargets, HostLookup lookup) {
		this.allowPrivateTargets = allowPrivateTargets;
		this.lookup = lookup;
	}

	/**
	 * Configures a client for webhook delivery: redirects are not followed (a public
	 * endpoint could redirect inside the network), no proxy is used (it would resolve and
	 * connect in our place) and, unless private targets are allowed, every connection
	 * goes through {@link PublicAddressResolverGroup}.
	 * @param client the client to configure
	 * @param allowPrivateTargets {@code platform.webhooks.allow-private-targets}
	 * @return the configured client
	 */
	public static HttpClient guard(HttpClient client, boolean allowPrivateTargets) {
		var guarded = client.followRedirect(false).noProxy();
		return allowPrivateTargets ? guarded : guarded.resolver(PublicAddressResolverGroup.INSTANCE);
	}

	/**
	 * Checks a webhook URL and returns it normalised: lower-case scheme and host, IPv4
	 * number forms rewritten to dotted decimal. Send to the returned URI, not the string,
	 * so that the address checked is the address used. Looks the host name up with the
	 * JDK resolver, which blocks: call it off the event loop.
	 * @param url the URL as given
	 * @return the normalised URL
	 * @throws CodedException {@link WebhookErrorCode#INVALID_WEBHOOK_URL} when it is not
	 * an absolute http(s) URL with a host and nothing else that could mislead, or its
	 * host does not resolve; {@link WebhookErrorCode#FORBIDDEN_WEBHOOK_TARGET} when its
	 * host is or resolves to an address that is not public
	 */
	public URI validate(String url) {
		if (url == null || url.isBlank()) {
			throw invalid("A webhook URL is required.");
		}
		if (url.length() > MAX_LENGTH) {
			throw invalid("A webhook URL is at most " + MAX_LENGTH + " characters long.");
		}
		if (url.codePoints().anyMatch(WebhookTargets::isControlOrSpace)) {
			throw invalid("A webhook URL must not contain whitespace or control characters.");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw invalid("The webhook URL is not a valid URI: " + ex.getReason() + ".");
		}
		if (uri.getScheme() == null) {
			throw invalid("A webhook URL must be absolute, starting with http:// or https://.");
		}
		var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw invalid("A webhook URL must use http or https, not " + scheme + ".");
		}
		if (uri.isOpaque() || uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
			throw invalid("A webhook URL must name a host, as in https://example.com/hook.");
		}
		if (uri.getRawFragment() != null) {
			throw invalid("A webhook URL must not have a fragment (#...): it is never sent.");
		}
		var authority = uri.getRawAuthority();
		if (authority.contains("@")) {
			throw invalid("A webhook URL must not contain credentials: they would end up in logs. "
					+ "Deliveries are signed instead.");
		}
		var target = target(authority);
		if (!allowPrivateTargets) {
			checkPublic(target);
		}
		var port = (target.port() < 0) ? "" : ":" + target.port();
		var query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		return URI.create(scheme + "://" + target.host() + port + uri.getRawPath() + query);
	}

	/**
	 * Splits host and port from the authority ourselves: {@code java.net.URI} leaves the
	 * host {@code null} for forms it cannot parse as a server ({@code a_b.example.com},
	 * {@code 127.1}, {@code 127.0.0.1.}), some of which HTTP clients still accept.
	 */
	private static Target target(String authority) {
		String host;
		String port;
		if (authority.startsWith("[")) {
			var close = authority.indexOf(']');
			if (close < 0) {
				throw invalid("The webhook URL's IPv6 address lacks its closing bracket.");
			}
			host = authority.substring(0, close + 1);
			var rest = authority.substring(close + 1);
			if (!rest.isEmpty() && !rest.startsWith(":")) {
				throw invalid("The webhook URL's IPv6 address must be followed by a port or nothing.");
			}
			port = rest.isEmpty() ? "" : rest.substring(1);
		}
		else {
			var colon = authority.lastIndexOf(':');
			host = (colon < 0) ? authority : authority.substring(0, colon);
			port = (colon < 0) ? "" : authority.substring(colon + 1);
		}
		return host.startsWith("[") ? ipv6(host, port(port)) : name(host, port(port));
	}

	private static int port(String text) {
		if (text.isEmpty()) {
			return -1;
		}
		var port = text.matches("[0-9]{1,5}") ? Integer.parseInt(text) : 0;
		if (port < 1 || port > 65535) {
			throw invalid("The webhook URL's port must be a number from 1 to 65535.");
		}
		return port;
	}

	private static Target ipv6(String bracketed, int port) {
		var literal = bracketed.substring(1, bracketed.length() - 1).toLowerCase(Locale.ROOT);
		// Zone ids (%25eth0) name an interface of this machine: never a public target.
		if (literal.indexOf(':') < 0
				|| !literal.chars().allMatch(c -> (c < 128 && Character.digit(c, 16) >= 0) || c == ':' || c == '.')) {
			throw invalid("The webhook URL's host " + bracketed + " is not a valid IPv6 address.");
		}
		try {
			// With a colon in it, the JDK parses a literal and never looks it up.
			return new Target("[" + literal + "]", port, InetAddress.getByName(literal));
		}
		catch (UnknownHostException ex) {
			throw invalid("The webhook URL's host " + bracketed + " is not a valid IPv6 address.");
		}
	}

	private static Target name(String host, int port) {
		if (host.isEmpty()) {
			throw invalid("A webhook URL must name a host, as in https://example.com/hook.");
		}
		if (!host.chars().allMatch(c -> c < 128)) {
			throw invalid("The webhook URL's host must be ASCII: write an internationalised name in its "
					+ "xn-- (punycode) form.");
		}
		if (host.indexOf('%') >= 0) {
			throw invalid("The webhook URL's host must not be percent-encoded.");
		}
		var lower = host.toLowerCase(Locale.ROOT);
		if (Ipv4Hosts.endsInANumber(lower)) {
			var bytes = Ipv4Hosts.parse(lower);
			if (bytes == null) {
				throw invalid("The webhook URL's host " + host + " is not a valid IPv4 address.");
			}
			try {
				var address = InetAddress.getByAddress(bytes);
				return new Target(address.getHostAddress(), port, address);
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("four bytes are always an address", ex);
			}
		}
		if (!isHostName(lower)) {
			throw invalid("The webhook URL's host " + host + " is not a valid host name: letters, digits and "
					+ "hyphens in dot-separated labels, without underscores.");
		}
		return new Target(lower, port, null);
	}

	/** RFC 1123 host names, with an optional trailing dot. */
	private static boolean isHostName(String host) {
		var name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		if (name.isEmpty() || name.length() > 253) {
			return false;
		}
		for (var label : name.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
					|| !label.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private void checkPublic(Target target) {
		if (target.literal() != null) {
			PublicAddresses.refusal(target.literal()).ifPresent(reason -> {
				throw forbidden("The webhook URL's host " + target.host() + " is not public (" + reason + ").");
			});
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = lookup.lookup(target.host());
		}
		catch (UnknownHostException ex) {
			throw invalid("The webhook URL's host " + target.host() + " could not be resolved.");
		}
		// All of them, since the client may connect to any.
		for (var address : addresses) {
			PublicAddresses.refusal(address).ifPresent(reason -> {
				throw forbidden("The webhook URL's host " + target.host() + " resolves to " + address.getHostAddress()
						+ ", which is not public (" + reason + ").");
			});
		}
	}

	private static boolean isControlOrSpace(int c) {
		return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private static CodedException invalid(String detail) {
		return new CodedException(WebhookErrorCode.INVALID_WEBHOOK_URL, detail);
	}

	private static CodedException forbidden(String detail) {
		return new CodedException(WebhookErrorCode.FORBIDDEN_WEBHOOK_TARGET,
				detail + " Webhooks are sent to public addresses only.");
	}

	/** A host as it will be sent to, and its address when it is an IP literal. */
	private record Target(String host, int port, InetAddress literal) {
	}

}
