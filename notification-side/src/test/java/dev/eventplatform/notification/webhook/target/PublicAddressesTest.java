package dev.eventplatform.notification.webhook.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The address ranges, at their edges. */
class PublicAddressesTest {

	@ParameterizedTest
	@CsvSource({ "0.0.0.0, unspecified", "0.255.255.255, unspecified", "10.0.0.0, private", "10.255.255.255, private",
			"100.64.0.0, CGNAT shared", "100.127.255.255, CGNAT shared", "127.0.0.1, loopback",
			"127.255.255.255, loopback", "169.254.0.1, link-local", "169.254.169.254, link-local",
			"172.16.0.0, private", "172.31.255.255, private", "192.0.0.8, IETF protocol assignment",
			"192.0.2.1, documentation", "192.88.99.1, 6to4 relay", "192.168.0.1, private", "198.18.0.1, benchmarking",
			"198.19.255.255, benchmarking", "198.51.100.1, documentation", "203.0.113.1, documentation",
			"224.0.0.1, multicast", "239.255.255.250, multicast", "240.0.0.1, reserved", "255.255.255.255, reserved",
			"::, unspecified", "::1, loopback", "fc00::1, unique-local", "fdff:ffff::1, unique-local",
			"fe80::1, link-local", "febf::1, link-local", "fec0::1, site-local", "ff02::1, multicast",
			"2001:db8::1, documentation", "2001:0:4136:e378:8000:63bf:3fff:fdd2, Teredo", "100::1, discard-only",
			"2001:2::1, IETF protocol assignment", "64:ff9b:1::a, local-use NAT64",
			"::ffff:127.0.0.1, IPv4-mapped loopback", "::ffff:10.1.2.3, IPv4-mapped private",
			"::ffff:0:169.254.169.254, IPv4-translated link-local", "::127.0.0.1, IPv4-compatible loopback",
			"::10.0.0.1, IPv4-compatible private", "64:ff9b::127.0.0.1, NAT64 loopback",
			"64:ff9b::a9fe:a9fe, NAT64 link-local", "2002:7f00:1::1, 6to4 loopback", "2002:c0a8:101::, 6to4 private" })
	void refusesNonPublicRanges(String literal, String reason) throws Exception {
		var address = address(literal);
		assertThat(PublicAddresses.isPublic(address)).isFalse();
		assertThat(PublicAddresses.refusal(address)).contains(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "93.184.215.14", "100.63.255.255",
			"100.128.0.0", "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255",
			"172.32.0.0", "192.0.1.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0",
			"223.255.255.255", "2606:4700::1111", "2a00:1450:4001::1", "2001:4860:4860::8888", "::ffff:8.8.8.8",
			"::8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2001:200::1" })
	void acceptsPublicAddresses(String literal) throws Exception {
		assertThat(PublicAddresses.isPublic(address(literal))).isTrue();
	}

	/**
	 * As an IPv6 address even where the JDK would make an IPv4 one of it, since Netty's
	 * resolver and {@link Inet6Address#getByAddress} keep the IPv6 form.
	 */
	private static InetAddress address(String literal) throws UnknownHostException {
		var parsed = InetAddress.getByName(literal);
		if (literal.contains(":") && parsed instanceof Inet4Address) {
			var bytes = new byte[16];
			bytes[10] = (byte) 0xff;
			bytes[11] = (byte) 0xff;
			System.arraycopy(parsed.getAddress(), 0, bytes, 12, 4);
			return Inet6Address.getByAddress(null, bytes, -1);
		}
		return parsed;
	}

}
