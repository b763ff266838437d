package org.spectrolens.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer's page in Debian's chromium, headless, driven through its chromedriver: what
 * {@link ExplorerBrowserTest} and the demo timings ({@link ServeTimings}) share.
 */
final class ExplorerPage implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  final WebDriver browser;
  private final int port;

  private ExplorerPage(WebDriver browser, int port) {
    this.browser = browser;
    this.port = port;
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
  }

  /** A headless chromium on the explorer served at {@code port} on loopback. */
  static ExplorerPage start(int port) {
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
        "--autoplay-policy=no-user-gesture-required", "--mute-audio");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    return new ExplorerPage(new ChromeDriver(service, o), port);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /**
   * Opens the page on a run and returns once that page has taken over and shown the run's table.
   * get() can return while the document in the window is still the one navigated from (see
   * docs/serve.md, the browser test): the new document is told by its own time origin, and its
   * script by the ready flag it sets, so no call after this one meets an older page or one whose
   * script has not run.
   */
  void open(String run) {
    Object before = js("return performance.timeOrigin");
    browser.get("http://127.0.0.1:" + port + "/?run=" + ItemView.url(run));
    waiting().until(d -> Boolean.TRUE.equals(js("return performance.timeOrigin !== arguments[0] && !!window.explorer && window.explorer.ready"
        + " && window.explorer.state.run === arguments[1]", before, run)));
  }

  void shot(Path file) throws java.io.IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  /** The page's timing of the item last opened (ms): the whole and its parts, the server's share, the bytes received. */
  record ItemTiming(double total, boolean cached, Double server, double received, double parsed, double drawn, long bytes) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%.0f ms (server %s %s ms, received %.0f, parsed %.0f, drawn %.0f; %d KB)", total,
          cached ? "cached" : "computed", server == null ? "?" : String.format(java.util.Locale.ROOT, "%.1f", server), received, parsed, drawn,
          Math.round(bytes / 1024.0));
    }
  }

  ItemTiming itemTiming() {
    @SuppressWarnings("unchecked")
    Map<String, Object> p = (Map<String, Object>) js("return window.explorer.timings.itemParts");
    // received and bytes come from the resource's Performance entry: NaN and -1 where the browser kept none
    return new ItemTiming(number(js("return window.explorer.timings.item")), Boolean.TRUE.equals(p.get("cached")),
        p.get("server") == null ? null : number(p.get("server")), p.get("received") == null ? Double.NaN : number(p.get("received")),
        number(p.get("parsed")), number(p.get("drawn")), p.get("bytes") == null ? -1 : ((Number) p.get("bytes")).longValue());
  }

  static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  @Override
  public void close() {
    browser.quit();
  }
}
