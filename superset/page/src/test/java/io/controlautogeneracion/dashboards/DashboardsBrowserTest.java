package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import io.controlautogeneracion.stack.parts.DruidService;
import io.controlautogeneracion.testing.ProjectFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboards page of the local stack in a headless Chromium: the stack's Druid loaded with the
 * {@link Fleet}, the dashboards server started by the stack's launcher, each dashboard opened,
 * every chart drawn with data (a painted canvas with points, a table with rows, a number: no error,
 * no empty chart), a screenshot of each saved under {@code target/screenshots/}, and the filters
 * changing what the charts show. Skipped where Chromium is not installed.
 */
@ExtendWith(Chromium.class)
@WithLocalStack({Engine.DRUID, Engine.DASHBOARDS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsBrowserTest {
    private static final Duration DRAW_WAIT = Duration.ofSeconds(90);

    /** The months of the fleet's batch rows, as a custom range of the page. */
    private static final String MAY_AND_JUNE = "&from=2026-05-01T00:00:00Z&to=2026-07-01T00:00:00Z";

    private final Fleet fleet = new Fleet(Instant.now());
    private final Path screenshots =
            Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private ChromeDriver browser;
    private String page;

    @BeforeAll
    void openBrowser(RunningStack stack) {
        FleetLoads.load(stack.druid(), fleet);
        page = stack.dashboardsUrl() + "/";
        browser = Chromium.find().orElseThrow().start();
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void panelGenerationHistoryDrawsEveryChartAndFollowsThePostalCodeAndClient()
            throws IOException {
        open("dashboard=generation&scope=postal_code&selected=28001" + MAY_AND_JUNE);
        assertEveryChartDrawn();
        // P-1 (1 430 Wh) and P-2 (670 Wh) are the panels of 28001.
        assertThat(total("energy")).isEqualTo(2100.0);
        assertThat(rows("by_client")).isEqualTo(2);
        assertThat(chart("hourly").getDomAttribute("data-truncated")).isEqualTo("false");
        assertThat(note("hourly")).isEmpty();
        screenshot("panel-generation-history");

        choose("filter-selected", "35001");
        // P-3 alone: 500 Wh in May, 600 in June.
        assertThat(total("energy")).isEqualTo(1100.0);
        assertThat(rows("by_client")).isEqualTo(1);
        assertThat(rows("hourly")).isEqualTo(2);

        choose("filter-scope", "client_id");
        // The first client is the one that generated most: C-1.
        assertThat(selected("filter-selected")).isEqualTo("C-1");
        assertThat(total("energy")).isEqualTo(1430.0);
        assertThat(browser.getCurrentUrl()).contains("scope=client_id", "selected=C-1");
    }

    @Test
    void lightSensorsDrawEveryChartAndFollowThePostalCode() throws IOException {
        open("dashboard=light" + MAY_AND_JUNE);
        assertEveryChartDrawn();
        assertThat(rows("orientation")).isEqualTo(2);
        screenshot("light-sensors-and-optimal-orientation");

        choose("filter-postal_code", "35001");
        // Only L-2 is in 35001: its one hour of 800 W/m².
        assertThat(selected("filter-light_id")).isEqualTo("L-2");
        assertThat(total("irradiance")).isEqualTo(800.0);
        assertThat(rows("potential")).isEqualTo(1);
        assertThat(rows("orientation")).isEqualTo(1);
    }

    @Test
    void realTimeDrawsEveryChartRefreshesItselfAndFollowsThePostalCode() throws IOException {
        open("dashboard=realtime");
        assertEveryChartDrawn();
        // W-2's warning is the one episode still open; W-1's storm has closed.
        assertThat(total("open_count")).isEqualTo(1.0);
        assertThat(series("wind_speed")).isEqualTo(2);
        assertThat(series("messages")).isEqualTo(2);
        screenshot("real-time-wind-alarms-and-ingestion");

        int refreshes = refreshes();
        await("the real-time dashboard refreshing itself")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> refreshes() > refreshes);

        choose("filter-postal_code", "28001");
        assertThat(total("open_count")).isZero();
        assertThat(state("open")).isEqualTo("empty");
        assertThat(series("wind_speed")).isEqualTo(1);
    }

    @Test
    void aChartWhoseAnswerWasCutAtTheRowCapSaysSo(RunningStack stack) {
        // A second server over the same Druid whose answers hold one row: every chart whose query
        // has more must say that it draws only part of its answer.
        try (DashboardsServer capped = oneRowServer(stack)) {
            open(capped.url() + "/", "dashboard=generation&scope=postal_code" + MAY_AND_JUNE);

            // Each postal code of the fleet has more than one hour with data, and the fleet more
            // than one client: their answers are cut, and the charts drawn from them say it.
            for (String id : List.of("hourly", "energy", "by_client")) {
                assertThat(chart(id).getDomAttribute("data-truncated")).as(id).isEqualTo("true");
                assertThat(note(id))
                        .as(id)
                        .isEqualTo(
                                "Only the first 1 row of the answer: narrow the filters for the"
                                        + " rest");
            }
            assertThat(rows("hourly")).isEqualTo(1);
        }
    }

    @Test
    void aCutListOfChoicesKeepsALinkedOneAndTakesATypedOne(RunningStack stack) {
        // The whole list: the fleet's three clients, nothing to type.
        open("dashboard=generation&scope=client_id" + MAY_AND_JUNE);
        assertThat(options("filter-selected")).containsExactlyInAnyOrder("C-1", "C-2", "C-3");
        assertThat(filter("filter-selected").getDomAttribute("data-truncated")).isEqualTo("false");
        assertThat(filter("filter-selected-typed").isDisplayed()).isFalse();

        try (DashboardsServer capped = oneRowServer(stack)) {
            // The list cut at one client: it says so, and another can be typed.
            String cappedPage = capped.url() + "/";
            open(cappedPage, "dashboard=generation&scope=client_id" + MAY_AND_JUNE);
            assertThat(options("filter-selected")).containsExactly("C-1");
            assertThat(filter("filter-selected").getDomAttribute("data-truncated"))
                    .isEqualTo("true");
            assertThat(filter("filter-selected").getDomAttribute("title"))
                    .isEqualTo("Only the first 1 choice: type another in the box beside");
            WebElement typed = filter("filter-selected-typed");
            assertThat(typed.isDisplayed()).isTrue();
            int before = refreshes();
            typed.sendKeys("C-3", Keys.ENTER);
            awaitRefresh(before);
            assertThat(selected("filter-selected")).isEqualTo("C-3");
            assertThat(browser.getCurrentUrl()).contains("selected=C-3");

            // A link to a client beyond the cut keeps that client instead of showing the first.
            open(cappedPage, "dashboard=generation&scope=client_id&selected=C-2" + MAY_AND_JUNE);
            assertThat(selected("filter-selected")).isEqualTo("C-2");
            assertThat(options("filter-selected")).containsExactly("C-1", "C-2");
            assertThat(browser.getCurrentUrl()).contains("selected=C-2");
        }
    }

    /** A second server over the stack's Druid whose answers hold one row. */
    private static DashboardsServer oneRowServer(RunningStack stack) {
        URI broker = URI.create(DruidService.url(stack.context(), "broker"));
        return DashboardsServer.start(
                "127.0.0.1", 0, broker, ProjectFiles.path("druid/queries"), 1);
    }

    private WebElement filter(String id) {
        return browser.findElement(By.id(id));
    }

    private String note(String id) {
        return chart(id).findElement(By.cssSelector(".note")).getText();
    }

    private void open(String hash) {
        open(page, hash);
    }

    /** Opens a dashboard of the page served at {@code pageUrl} and waits for it to be drawn. */
    private void open(String pageUrl, String hash) {
        browser.manage().window().setSize(new Dimension(1440, 1000));
        browser.get("about:blank");
        browser.get(pageUrl + "#" + hash);
        awaitRefresh(0);
    }

    /** Picks an option of a filter, then waits for the page to draw what it chose. */
    private void choose(String filterId, String value) {
        int before = refreshes();
        await("option " + value + " of " + filterId)
                .atMost(DRAW_WAIT)
                .ignoreExceptions()
                .until(() -> options(filterId).contains(value));
        new Select(browser.findElement(By.id(filterId))).selectByValue(value);
        awaitRefresh(before);
        await("option " + value + " of " + filterId + " kept")
                .atMost(DRAW_WAIT)
                .ignoreExceptions()
                .until(() -> selected(filterId).equals(value) && refreshes() > before);
    }

    private void awaitRefresh(int after) {
        await("the dashboard drawn")
                .atMost(DRAW_WAIT)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> refreshes() > after);
    }

    private void assertEveryChartDrawn() {
        List<WebElement> charts = browser.findElements(By.cssSelector("#grid .chart"));
        assertThat(charts).isNotEmpty();
        for (WebElement chart : charts) {
            String id = chart.getDomAttribute("id");
            assertThat(chart.getDomAttribute("data-state"))
                    .as(id + ": " + chart.getText())
                    .isEqualTo("drawn");
            assertThat(Integer.parseInt(chart.getDomAttribute("data-rows")))
                    .as(id + " rows")
                    .isPositive();
            String kind = chart.getDomAttribute("data-kind");
            if (kind.equals("line") || kind.equals("bar")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> drawn =
                        (Map<String, Object>)
                                browser.executeScript(
                                        "const body = arguments[0].querySelector('.body');const"
                                            + " canvas = body.querySelector('canvas');const px ="
                                            + " canvas.getContext('2d').getImageData(0, 0,"
                                            + " canvas.width, canvas.height).data;let painted ="
                                            + " 0;for (let i = 3; i < px.length; i += 4) { if"
                                            + " (px[i] > 0) painted++; }const option ="
                                            + " echarts.getInstanceByDom(body).getOption();const"
                                            + " points = option.series.reduce((n, s) => n +"
                                            + " s.data.filter(p => (Array.isArray(p) ? p[1] : p)"
                                            + " !== null).length, 0);return {painted: painted,"
                                            + " points: points};",
                                        chart);
                assertThat(((Number) drawn.get("points")).longValue())
                        .as(id + " points drawn")
                        .isPositive();
                assertThat(((Number) drawn.get("painted")).longValue())
                        .as(id + " painted pixels")
                        .isGreaterThan(1000);
            } else if (kind.equals("table")) {
                assertThat(chart.findElements(By.cssSelector("tbody tr"))).as(id).isNotEmpty();
            } else {
                assertThat(chart.findElement(By.cssSelector(".number")).getText())
                        .as(id)
                        .isNotBlank();
            }
        }
    }

    private void screenshot(String name) throws IOException {
        // The whole page in the window: its height plus what the window has around the page.
        long height =
                ((Number)
                                browser.executeScript(
                                        "return document.documentElement.scrollHeight"
                                                + " + window.outerHeight - window.innerHeight"))
                        .longValue();
        browser.manage().window().setSize(new Dimension(1440, (int) Math.min(height, 4000)));
        // Resizing redraws the charts at the new size; the next frame has them.
        browser.executeAsyncScript(
                "requestAnimationFrame(() => requestAnimationFrame(arguments[0]))");
        Files.createDirectories(screenshots);
        Path file = screenshots.resolve(name + ".png");
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(Files.size(file)).as(file.toString()).isGreaterThan(20_000);
    }

    private int refreshes() {
        String value = browser.findElement(By.id("grid")).getDomAttribute("data-refreshes");
        return value == null ? 0 : Integer.parseInt(value);
    }

    private WebElement chart(String id) {
        return browser.findElement(By.id("chart-" + id));
    }

    private double total(String id) {
        return Double.parseDouble(chart(id).getDomAttribute("data-total"));
    }

    private int rows(String id) {
        return Integer.parseInt(chart(id).getDomAttribute("data-rows"));
    }

    private int series(String id) {
        return Integer.parseInt(chart(id).getDomAttribute("data-series"));
    }

    private String state(String id) {
        return chart(id).getDomAttribute("data-state");
    }

    private String selected(String filterId) {
        return new Select(browser.findElement(By.id(filterId)))
                .getFirstSelectedOption()
                .getDomProperty("value");
    }

    private List<String> options(String filterId) {
        return new Select(browser.findElement(By.id(filterId)))
                .getOptions().stream().map(o -> o.getDomProperty("value")).toList();
    }
}
