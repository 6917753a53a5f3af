package dev.eventplatform.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first few distinct kinds of failure of a level (command plus status or exception),
 * each with its first example and how often it occurred, so a run that goes wrong
 * explains itself.
 */
final class ErrorSamples {

	private static final int MAX_EXAMPLE_CHARS = 200;

	private final int maxKinds;

	private final Map<String, Sample> samples = new LinkedHashMap<>();

	private static final class Sample {

		final String example;

		long count;

		Sample(String example) {
			this.example = example;
		}

	}

	ErrorSamples(int maxKinds) {
		this.maxKinds = maxKinds;
	}

	// Synchronized: only failures come here, and they are rare unless everything fails
	// anyway.
	synchronized void note(String command, String kind, String example) {
		String key = command + ": " + kind;
		Sample sample = samples.get(key);
		if (sample == null && samples.size() < maxKinds) {
			sample = new Sample(abbreviate(example));
			samples.put(key, sample);
		}
		if (sample != null) {
			sample.count++;
		}
	}

	synchronized List<String> describe() {
		List<String> lines = new ArrayList<>();
		samples.forEach((key, sample) -> lines.add(key + " (" + sample.count + "x) e.g. " + sample.example));
		return lines;
	}

	private static String abbreviate(String text) {
		String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
		return oneLine.length() <= MAX_EXAMPLE_CHARS ? oneLine : oneLine.substring(0, MAX_EXAMPLE_CHARS) + "...";
	}

}
