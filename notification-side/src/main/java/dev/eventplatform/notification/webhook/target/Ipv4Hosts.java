package dev.eventplatform.notification.webhook.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hosts that the WHATWG URL standard reads as IPv4 addresses: besides {@code 127.0.0.1},
 * the forms {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1} and
 * a trailing dot. Browsers, curl and many HTTP clients accept them, and the JDK reads
 * some differently ({@code 0177.0.0.1} as 177.0.0.1), so they are decided here, once, and
 * rewritten to dotted decimal.
 */
final class Ipv4Hosts {

	private static final long TOO_BIG = Long.MAX_VALUE;

	private Ipv4Hosts() {
	}

	/**
	 * Whether the standard treats this host as IPv4 ("ends in a number"); if so, a host
	 * that {@link #parse} refuses is invalid rather than a domain name.
	 */
	static boolean endsInANumber(String host) {
		var parts = parts(host);
		if (parts.isEmpty()) {
			return false;
		}
		var last = parts.get(parts.size() - 1);
		return (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) || number(last) >= 0;
	}

	/**
	 * The four bytes of the address, or {@code null} when it is not a valid IPv4 host.
	 */
	static byte[] parse(String host) {
		var parts = parts(host);
		if (parts.isEmpty() || parts.size() > 4) {
			return null;
		}
		var numbers = parts.stream().mapToLong(Ipv4Hosts::number).toArray();
		if (Arrays.stream(numbers).anyMatch(number -> number < 0)) {
			return null;
		}
		var count = numbers.length;
		for (int i = 0; i < count - 1; i++) {
			if (numbers[i] > 255) {
				return null;
			}
		}
		// The last number fills the bytes the others left: 127.1 is 127.0.0.1.
		if (numbers[count - 1] >= 1L << (8 * (5 - count))) {
			return null;
		}
		long value = numbers[count - 1];
		for (int i = 0; i < count - 1; i++) {
			value += numbers[i] << (8 * (3 - i));
		}
		return new byte[] { (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value };
	}

	/** The dot-separated parts, without the one empty part a trailing dot leaves. */
	private static List<String> parts(String host) {
		var parts = new ArrayList<>(List.of(host.split("\\.", -1)));
		if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
			parts.remove(parts.size() - 1);
		}
		return parts;
	}

	/**
	 * One part in decimal, octal ({@code 0} prefix) or hex ({@code 0x}); -1 if not a
	 * number.
	 */
	private static long number(String part) {
		if (part.isEmpty()) {
			return -1;
		}
		var radix = 10;
		var digits = part;
		if (part.length() >= 2 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X')) {
			radix = 16;
			digits = part.substring(2);
		}
		else if (part.length() >= 2 && part.charAt(0) == '0') {
			radix = 8;
			digits = part.substring(1);
		}
		if (digits.isEmpty()) {
			return 0;
		}
		long value = 0;
		for (var c : digits.toCharArray()) {
			// Character.digit alone would also take non-ASCII digits.
			var digit = (c < 128) ? Character.digit(c, radix) : -1;
			if (digit < 0) {
				return -1;
			}
			// Still a number, only too big for any address.
			value = (value > (TOO_BIG - digit) / radix) ? TOO_BIG : value * radix + digit;
		}
		return value;
	}

}
