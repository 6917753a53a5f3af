package dev.eventplatform.notification.webhook.target;

import static dev.eventplatform.notification.webhook.WebhookErrorCode.FORBIDDEN_WEBHOOK_TARGET;
import static dev.eventplatform.notification.webhook.WebhookErrorCode.INVALID_WEBHOOK_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.eventplatform.infrastructure.web.CodedException;
import dev.eventplatform.notification.webhook.WebhookErrorCode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SSRF bypass attempts, all refused, and the URLs that pass. Names resolve through a
 * table, so that no test needs DNS.
 */
class WebhookTargetsTest {

	static final HostLookup DNS = host -> switch (host) {
		case "example.com" -> addresses("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");
		case "localhost", "localhost." -> addresses("127.0.0.1", "::1");
		// Wildcard DNS services answer with the address written in the name.
		case "127.0.0.1.nip.io" -> addresses("127.0.0.1");
		case "metadata.example" -> addresses("169.254.169.254");
		case "internal.example" -> addresses("fd00::10");
		// One public address does not make up for a private one.
		case "mixed.example" -> addresses("93.184.215.14", "10.0.0.1");
		default -> throw new UnknownHostException(host);
	};

	private final WebhookTargets targets = new WebhookTargets(false, DNS);

	static Stream<Arguments> bypassAttempts() {
		return Stream.of(
				// Loopback, in every spelling.
				refused("http://127.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://127.0.0.1:8080/hook", FORBIDDEN_WEBHOOK_TARGET),
				refused("https://127.0.0.1/", FORBIDDEN_WEBHOOK_TARGET),
				refused("HTTP://127.0.0.1/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://127.255.255.254", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://localhost", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://LOCALHOST:8080", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://localhost./", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://127.0.0.1.nip.io/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[0:0:0:0:0:0:0:1]:8080/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::ffff:127.0.0.1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::ffff:7f00:1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[0:0:0:0:0:ffff:127.0.0.1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::127.0.0.1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::ffff:0:7f00:1]", FORBIDDEN_WEBHOOK_TARGET),
				// The WHATWG IPv4 number forms.
				refused("http://2130706433", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0x7f000001", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0X7F.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0177.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://00000177.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0177.1", FORBIDDEN_WEBHOOK_TARGET), refused("http://127.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://127.0.1", FORBIDDEN_WEBHOOK_TARGET), refused("http://0x7f.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://127.0.0.1./", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0x7f.0x0.0x0.0x1", FORBIDDEN_WEBHOOK_TARGET),
				// Unspecified: connecting to it reaches this machine.
				refused("http://0", FORBIDDEN_WEBHOOK_TARGET), refused("http://0.0.0.0", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0.0.0.0:8080/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::]", FORBIDDEN_WEBHOOK_TARGET),
				// Private networks.
				refused("http://10.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://012.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://167772161", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://172.16.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://172.31.255.255", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://192.168.1.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://192.168.257", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[fd00::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[fc00::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[fec0::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::ffff:10.0.0.1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://internal.example/hook", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://mixed.example/hook", FORBIDDEN_WEBHOOK_TARGET),
				// Cloud metadata services.
				refused("http://169.254.169.254/latest/meta-data", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://2852039166/latest/meta-data", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0251.0376.0251.0376/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://0xa9fea9fe/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[::ffff:a9fe:a9fe]/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[fd00:ec2::254]/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://metadata.example/computeMetadata/v1/", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://100.100.100.200/latest/meta-data", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://192.0.0.192/", FORBIDDEN_WEBHOOK_TARGET),
				// Link-local, shared, multicast, reserved, broadcast, benchmarking.
				refused("http://[fe80::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://100.64.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://224.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[ff02::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://240.0.0.1", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://255.255.255.255", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://198.18.0.1", FORBIDDEN_WEBHOOK_TARGET),
				// IPv6 forms that carry an IPv4 address.
				refused("http://[64:ff9b::7f00:1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[64:ff9b::a9fe:a9fe]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[64:ff9b:1::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[2002:7f00:1::]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[2002:a9fe:a9fe::1]", FORBIDDEN_WEBHOOK_TARGET),
				refused("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]", FORBIDDEN_WEBHOOK_TARGET),
				// Other schemes, and URLs that are not absolute http(s) with a host.
				refused("ftp://example.com", INVALID_WEBHOOK_URL), refused("file:///etc/passwd", INVALID_WEBHOOK_URL),
				refused("gopher://127.0.0.1:25/_HELO%20localhost", INVALID_WEBHOOK_URL),
				refused("dict://127.0.0.1:11211/stats", INVALID_WEBHOOK_URL),
				refused("ws://example.com/", INVALID_WEBHOOK_URL), refused("javascript:alert(1)", INVALID_WEBHOOK_URL),
				refused("data:text/html,<script>", INVALID_WEBHOOK_URL),
				refused("jar:http://example.com!/", INVALID_WEBHOOK_URL), refused("//example.com", INVALID_WEBHOOK_URL),
				refused("/hook", INVALID_WEBHOOK_URL), refused("example.com/hook", INVALID_WEBHOOK_URL),
				refused("http:///path", INVALID_WEBHOOK_URL), refused("http://", INVALID_WEBHOOK_URL),
				refused("http:example.com", INVALID_WEBHOOK_URL), refused("http://:80/", INVALID_WEBHOOK_URL),
				// Credentials, and the parser confusions they enable.
				refused("http://user:pw@example.com", INVALID_WEBHOOK_URL),
				refused("http://user@example.com", INVALID_WEBHOOK_URL),
				refused("http://example.com@127.0.0.1/", INVALID_WEBHOOK_URL),
				refused("http://127.0.0.1%2f@example.com/", INVALID_WEBHOOK_URL),
				refused("http://example.com#@127.0.0.1/", INVALID_WEBHOOK_URL),
				refused("http://example.com/hook#part", INVALID_WEBHOOK_URL),
				refused("http://example.com\\@127.0.0.1/", INVALID_WEBHOOK_URL),
				refused("http:\\\\127.0.0.1\\", INVALID_WEBHOOK_URL),
				// Hosts that some parsers read as another.
				refused("http://%31%32%37.0.0.1/", INVALID_WEBHOOK_URL),
				refused("http://127\u30020\u30020\u30021/", INVALID_WEBHOOK_URL),
				refused("http://\uff11\uff12\uff17.0.0.1/", INVALID_WEBHOOK_URL),
				refused("http://\u2460\u2461\u2466.0.0.1/", INVALID_WEBHOOK_URL),
				refused("http://[fe80::1%25eth0]/", INVALID_WEBHOOK_URL), refused("http://[::1/", INVALID_WEBHOOK_URL),
				refused("http://[::1]x/", INVALID_WEBHOOK_URL), refused("http://[127.0.0.1]/", INVALID_WEBHOOK_URL),
				refused("http://1.2.3.4.5/", INVALID_WEBHOOK_URL), refused("http://256.0.0.1/", INVALID_WEBHOOK_URL),
				refused("http://127.0.0.0x1g/", INVALID_WEBHOOK_URL),
				refused("http://0x100000000/", INVALID_WEBHOOK_URL),
				refused("http://99999999999999999999999/", INVALID_WEBHOOK_URL),
				refused("http://example.0x/", INVALID_WEBHOOK_URL),
				refused("http://a_b.example.com/", INVALID_WEBHOOK_URL),
				refused("http://-example.com/", INVALID_WEBHOOK_URL),
				refused("http://example..com/", INVALID_WEBHOOK_URL),
				// Ports, whitespace and control characters.
				refused("http://example.com:99999/", INVALID_WEBHOOK_URL),
				refused("http://example.com:0/", INVALID_WEBHOOK_URL),
				refused("http://example.com:8o/", INVALID_WEBHOOK_URL),
				refused(" http://example.com/", INVALID_WEBHOOK_URL),
				refused("http://example.com/\n", INVALID_WEBHOOK_URL),
				refused("http://exa mple.com/", INVALID_WEBHOOK_URL),
				refused("http://example.com/\tx", INVALID_WEBHOOK_URL),
				refused("http://example.com/\u0000", INVALID_WEBHOOK_URL),
				refused("http://example.com/\u00a0", INVALID_WEBHOOK_URL),
				refused("http://example.com/\u2028", INVALID_WEBHOOK_URL),
				// Names that do not resolve, and the empty URL.
				refused("http://unknown.example/hook", INVALID_WEBHOOK_URL), refused("", INVALID_WEBHOOK_URL),
				refused("   ", INVALID_WEBHOOK_URL),
				refused("https://example.com/" + "a".repeat(WebhookTargets.MAX_LENGTH), INVALID_WEBHOOK_URL));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bypassAttempts")
	void refusesBypassAttempts(String url, WebhookErrorCode code) {
		assertThatThrownBy(() -> targets.validate(url)).isInstanceOfSatisfying(CodedException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}

	@Test
	void refusesNull() {
		assertThatThrownBy(() -> targets.validate(null)).isInstanceOfSatisfying(CodedException.class,
				ex -> assertThat(ex.code()).isEqualTo(INVALID_WEBHOOK_URL));
	}

	@Test
	void namesTheReasonInTheDetail() {
		assertThatThrownBy(() -> targets.validate("http://localhost:8080/hook"))
			.hasMessage("The webhook URL's host localhost resolves to 127.0.0.1, which is not public (loopback). "
					+ "Webhooks are sent to public addresses only.");
		assertThatThrownBy(() -> targets.validate("http://[::ffff:0:a9fe:a9fe]/"))
			.hasMessageContaining("not public (IPv4-translated link-local)");
		assertThatThrownBy(() -> targets.validate("http://unknown.example/"))
			.hasMessage("The webhook URL's host unknown.example could not be resolved.");
		assertThatThrownBy(() -> targets.validate("http://a_b.example.com/"))
			.hasMessageContaining("a_b.example.com is not a valid host name");
		assertThatThrownBy(() -> targets.validate("http://user:secret@example.com/")).hasMessageNotContaining("secret");
	}

	@Test
	void theJdkResolverRefusesLocalhost() {
		assertThatThrownBy(() -> new WebhookTargets(false).validate("http://localhost:8080/hook"))
			.isInstanceOfSatisfying(CodedException.class,
					ex -> assertThat(ex.code()).isEqualTo(FORBIDDEN_WEBHOOK_TARGET));
	}

	@ParameterizedTest
	@CsvSource({ "http://93.184.215.14/hook, http://93.184.215.14/hook",
			"https://[2606:4700::1111]/x, https://[2606:4700::1111]/x",
			"HTTPS://Example.COM:8443/Hook?a=B, https://example.com:8443/Hook?a=B",
			"https://example.com, https://example.com", "https://example.com:/x, https://example.com/x",
			"http://[::FFFF:93.184.215.14]/, http://[::ffff:93.184.215.14]/",
			"http://1572394766/, http://93.184.215.14/",
			"https://example.com/a%20b?q=%2F&r=caf%C3%A9, https://example.com/a%20b?q=%2F&r=caf%C3%A9",
			"http://172.32.0.1/, http://172.32.0.1/", "http://100.128.0.1/, http://100.128.0.1/",
			"http://[2002:5db8:d70e::1]/, http://[2002:5db8:d70e::1]/" })
	void acceptsPublicTargets(String url, String normalised) {
		assertThat(targets.validate(url)).isEqualTo(URI.create(normalised));
	}

	@Test
	void allowingPrivateTargetsKeepsOnlyTheSyntaxRules() {
		var local = new WebhookTargets(true, host -> fail("looked up " + host));

		assertThat(local.validate("http://127.0.0.1:8080/hook")).isEqualTo(URI.create("http://127.0.0.1:8080/hook"));
		assertThat(local.validate("http://localhost:8080/hook")).isEqualTo(URI.create("http://localhost:8080/hook"));
		assertThat(local.validate("http://[::1]:8080/")).isEqualTo(URI.create("http://[::1]:8080/"));
		assertThat(local.validate("http://2130706433/")).isEqualTo(URI.create("http://127.0.0.1/"));
		assertThat(local.validate("http://unknown.example/")).isEqualTo(URI.create("http://unknown.example/"));
		assertThatThrownBy(() -> local.validate("ftp://localhost/")).isInstanceOf(CodedException.class);
		assertThatThrownBy(() -> local.validate("http://user:pw@localhost/")).isInstanceOf(CodedException.class);
		assertThatThrownBy(() -> local.validate("http://256.0.0.1/")).isInstanceOf(CodedException.class);
	}

	private static Arguments refused(String url, WebhookErrorCode code) {
		return Arguments.of(url, code);
	}

	static InetAddress[] addresses(String... literals) {
		return Stream.of(literals).map(literal -> {
			try {
				return InetAddress.getByName(literal);
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException(ex);
			}
		}).toArray(InetAddress[]::new);
	}

}
