package org.spectrolens.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The probe behind {@link ExplorerPage#open}: 60 navigations between two runs (every fourth from
 * an item whose audio plays), each looked at the moment chromedriver's get() returns, then through
 * {@code open}. get() was seen to return with the new document still loading (readyState
 * "loading", no load event yet: 1 of 60 on 2026-12-07), so a script asked for right after it can
 * find {@code window.explorer} not yet defined; {@code open} must never return before the new
 * page's script has shown its run. About a minute (after {@code demo --quick}, which the browser
 * test serves), so only on request (not a *Test, which the
 * suite runs): {@code -Dtest=ExplorerNavigationProbe -Dspectrolens.probe=true}.
 */
@EnabledIfSystemProperty(named = "spectrolens.probe", matches = "true")
class ExplorerNavigationProbe {
  @BeforeAll
  static void start() throws Exception {
    ExplorerBrowserTest.start();
  }

  @AfterAll
  static void stop() {
    ExplorerBrowserTest.stop();
  }

  @Test
  void openReturnsOnlyOnceTheNewPageHasTakenOver() {
    String[] runs = {ExplorerBrowserTest.dir.getFileName() + "/vowels-4k", ExplorerBrowserTest.work.getFileName() + "/big"};
    ExplorerPage page = ExplorerBrowserTest.page;
    int early = 0;
    for (int i = 0; i < 60; i++) {
      String run = runs[i % 2];
      if (i % 4 == 1) {
        page.js("document.querySelector('#table-rows .row').click()");
        page.waiting().until(d -> page.js("return window.explorer.state.item && document.getElementById('audio').src") != null);
        page.js("document.getElementById('audio').play()");
      }
      // get() alone, looked at at once
      page.browser.get("http://127.0.0.1:" + ExplorerBrowserTest.server.port() + "/?run=" + ItemView.url(run));
      Object seen = page.js("return [typeof window.explorer, document.readyState, performance.timing.loadEventEnd]");
      if (!String.valueOf(seen).startsWith("[object, complete")) {
        early++;
        System.out.println("navigation " + i + ": get() returned with " + seen);
      }
      // open(): the page's own flag, in the document navigated to
      page.open(runs[(i + 1) % 2]);
      assertEquals(runs[(i + 1) % 2], page.js("return window.explorer.state.run"), "navigation " + i);
    }
    System.out.println("get() returned before the page had loaded in " + early + " of 60 navigations");
  }
}
