package dev.eventplatform.notification.webhook.target;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an address is on the public internet. Everything else (loopback, private,
 * link-local, multicast, reserved) is refused as a webhook target, because requests to it
 * would reach the platform's own network. IPv6 forms that carry an IPv4 address are
 * judged by that address, since they may be translated to it on the way.
 */
public final class PublicAddresses {

	/** The limited broadcast address 255.255.255.255 is in the reserved block. */
	private static final List<Block> IPV4_REFUSED = blocks("""
			0.0.0.0/8          unspecified
			10.0.0.0/8         private
			100.64.0.0/10      CGNAT shared
			127.0.0.0/8        loopback
			169.254.0.0/16     link-local
			172.16.0.0/12      private
			192.0.0.0/24       IETF protocol assignment
			192.0.2.0/24       documentation
			192.88.99.0/24     6to4 relay
			192.168.0.0/16     private
			198.18.0.0/15      benchmarking
			198.51.100.0/24    documentation
			203.0.113.0/24     documentation
			224.0.0.0/4        multicast
			240.0.0.0/4        reserved
			""");

	/**
	 * Teredo (2001::/32) hides its IPv4 server and client addresses, the client's
	 * obfuscated, so it is refused whole rather than decoded; so is the rest of the IETF
	 * protocol block 2001::/23 (benchmarking, ORCHID, anycast services).
	 */
	private static final List<Block> IPV6_REFUSED = blocks("""
			::/128             unspecified
			::1/128            loopback
			64:ff9b:1::/48     local-use NAT64
			100::/64           discard-only
			2001::/32          Teredo
			2001::/23          IETF protocol assignment
			2001:db8::/32      documentation
			fc00::/7           unique-local
			fe80::/10          link-local
			fec0::/10          site-local
			ff00::/8           multicast
			""");

	/**
	 * IPv6 blocks that carry an IPv4 address, judged by that address. Checked after
	 * {@link #IPV6_REFUSED}, so that {@code ::} and {@code ::1} keep their own names.
	 */
	private static final List<Block> IPV6_EMBEDDING = blocks("""
			::ffff:0:0/96      IPv4-mapped
			::ffff:0:0:0/96    IPv4-translated
			::/96              IPv4-compatible
			64:ff9b::/96       NAT64
			2002::/16          6to4
			""");

	/** Where the IPv4 address starts in each {@link #IPV6_EMBEDDING} block. */
	private static final Map<String, Integer> IPV4_OFFSET = Map.of("IPv4-mapped", 12, "IPv4-translated", 12,
			"IPv4-compatible", 12, "NAT64", 12, "6to4", 2);

	private PublicAddresses() {
	}

	/** Whether a webhook may be sent to this address. */
	public static boolean isPublic(InetAddress address) {
		return refusal(address).isEmpty();
	}

	/**
	 * Why this address is refused, for instance {@code "loopback"} or
	 * {@code "IPv4-mapped loopback"}; empty when it is public.
	 */
	static Optional<String> refusal(InetAddress address) {
		return refusal(address.getAddress());
	}

	private static Optional<String> refusal(byte[] bytes) {
		if (bytes.length == 4) {
			return find(IPV4_REFUSED, bytes);
		}
		var refused = find(IPV6_REFUSED, bytes);
		if (refused.isPresent()) {
			return refused;
		}
		for (var block : IPV6_EMBEDDING) {
			if (block.contains(bytes)) {
				var offset = IPV4_OFFSET.get(block.name());
				return refusal(Arrays.copyOfRange(bytes, offset, offset + 4))
					.map(reason -> block.name() + " " + reason);
			}
		}
		return Optional.empty();
	}

	private static Optional<String> find(List<Block> blocks, byte[] bytes) {
		return blocks.stream().filter(block -> block.contains(bytes)).map(Block::name).findFirst();
	}

	/** One block a line: the CIDR, then the name after white space. */
	private static List<Block> blocks(String table) {
		return table.lines()
			.map(String::strip)
			.map(line -> line.split("\\s+", 2))
			.map(cells -> block(cells[0], cells[1]))
			.toList();
	}

	private static Block block(String cidr, String name) {
		var slash = cidr.indexOf('/');
		var address = cidr.substring(0, slash);
		var prefix = address.contains(":") ? ipv6(address) : ipv4(address);
		return new Block(prefix, Integer.parseInt(cidr.substring(slash + 1)), name);
	}

	private static byte[] ipv4(String dotted) {
		var bytes = new byte[4];
		var parts = dotted.split("\\.");
		for (int i = 0; i < 4; i++) {
			bytes[i] = (byte) Integer.parseInt(parts[i]);
		}
		return bytes;
	}

	/**
	 * The table's IPv6 prefixes, parsed here because the JDK turns {@code ::ffff:0:0}
	 * into an IPv4 address.
	 */
	private static byte[] ipv6(String text) {
		var halves = text.split("::", -1);
		var head = groups(halves[0]);
		var tail = (halves.length == 2) ? groups(halves[1]) : new int[0];
		var bytes = new byte[16];
		for (int i = 0; i < head.length; i++) {
			put(bytes, i, head[i]);
		}
		for (int i = 0; i < tail.length; i++) {
			put(bytes, 8 - tail.length + i, tail[i]);
		}
		return bytes;
	}

	private static int[] groups(String text) {
		return text.isEmpty() ? new int[0]
				: Arrays.stream(text.split(":")).mapToInt(group -> Integer.parseInt(group, 16)).toArray();
	}

	private static void put(byte[] bytes, int group, int value) {
		bytes[2 * group] = (byte) (value >> 8);
		bytes[2 * group + 1] = (byte) value;
	}

	/** An address block in CIDR form. */
	private record Block(byte[] prefix, int bits, String name) {

		boolean contains(byte[] address) {
			if (address.length != prefix.length) {
				return false;
			}
			var whole = bits / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != prefix[i]) {
					return false;
				}
			}
			var rest = bits % 8;
			if (rest == 0) {
				return true;
			}
			var mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (prefix[whole] & mask);
		}

	}

}
