package dev.eventplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eventplatform.infrastructure.test.TestApiKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The dashboard page in headless Chromium: it is reachable without a key, trades the
 * {@code STREAM} key for a stream token, lists events live, and when the server ends the
 * stream ({@link PlatformIntegrationTest} sets a lifetime of 8 s, less up to a tenth) it
 * opens again with a new token and resumes after the last id it showed, with no gap and
 * no duplicate. Needs Debian's {@code chromium} and {@code chromium-driver} (.ci/run
 * installs them); without them the tests are skipped.
 */
@PlatformIntegrationTest
class EventStreamBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry meters;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Headless-browser test skipped: it needs " + CHROMIUM + " and " + CHROMEDRIVER
						+ " (Debian: apt-get install chromium chromium-driver; .ci/run installs them).");
		// The shared context caps streams at 3 per key: other classes' streams are gone.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> meters.get("platform.stream.connections").gauge().value() == 0);
		var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,1000");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(30))
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> meters.get("platform.stream.connections").gauge().value() == 0);
		}
	}

	@Test
	void listsEventsLiveAndResumesWithoutGapOrDuplicateWhenTheServerEndsTheStream() throws Exception {
		var api = new OrderApi(client);
		start(TestApiKeys.STREAM, "order.created");
		waitFor("the stream to open", page -> "open".equals(state()));
		assertThat(browser.findElement(By.id("key")).getDomProperty("value")).as("the key field is emptied").isEmpty();

		var created = new ArrayList<String>();
		created.add(api.createOrder());
		waitFor("the first order to be listed", page -> subjects().contains(created.get(0)));
		var firstRow = browser.findElement(By.cssSelector("#events tr")).getText();
		assertThat(firstRow).contains("order.created", created.get(0));

		// Keep creating orders while the server ends the stream (after 7.2 to 8 s) and
		// the
		// page opens a new one: those created in between must come from the resume.
		await("the page to open the stream again").atMost(Duration.ofSeconds(25))
			.pollInterval(Duration.ofMillis(400))
			.until(() -> {
				created.add(api.createOrder());
				return opens() >= 2 && "open".equals(state());
			});
		created.add(api.createOrder());
		waitFor("every order to be listed", page -> subjects().containsAll(created));

		assertThat(notices()).contains("The server closed the stream (lifetime)");
		var ids = rowIds();
		assertThat(ids).as("event ids shown").doesNotHaveDuplicates().hasSize(created.size());
		assertThat(subjects()).as("orders shown").containsExactlyInAnyOrderElementsOf(created);
		var positions = ids.stream().map(Long::parseLong).toList();
		var newestFirst = new ArrayList<>(positions);
		newestFirst.sort(Collections.reverseOrder());
		assertThat(positions).as("newest first, in position order").isEqualTo(newestFirst);
		assertThat(browser.findElement(By.id("count")).getText()).isEqualTo(Integer.toString(created.size()));
	}

	@Test
	void aWrongKeyOrAKeyWithoutTheStreamRoleIsToldAndNothingIsOpened() {
		start("not-a-key", "");
		waitFor("the refusal", page -> "error".equals(state()));
		assertThat(notices()).contains("401");

		start(TestApiKeys.AUDIT, "");
		waitFor("the refusal", page -> "error".equals(state()) && notices().contains("403"));
		assertThat(opens()).isZero();
	}

	private void start(String key, String types) {
		if (!browser.getCurrentUrl().endsWith("/dashboard/")) {
			browser.get("http://localhost:" + port + "/dashboard/");
		}
		browser.findElement(By.id("key")).sendKeys(key);
		var typesField = browser.findElement(By.id("types"));
		typesField.clear();
		typesField.sendKeys(types);
		browser.findElement(By.id("start")).click();
	}

	private void waitFor(String what, Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, WAIT)
			.withMessage(() -> "waiting for " + what + "; state " + state() + ", notices:\n" + notices())
			.until(condition);
	}

	private String state() {
		return browser.findElement(By.id("state")).getDomAttribute("data-state");
	}

	private int opens() {
		return Integer.parseInt(browser.findElement(By.id("opens")).getText());
	}

	private String notices() {
		return browser.findElement(By.id("notices")).getText();
	}

	private List<String> subjects() {
		return rows("subject");
	}

	private List<String> rowIds() {
		return rows("id");
	}

	@SuppressWarnings("unchecked")
	private List<String> rows(String attribute) {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"const name = arguments[0]; "
						+ "return Array.from(document.querySelectorAll('#events tr'), row => row.dataset[name]);",
				attribute);
	}

}
