/**
 * End to end in real headless Chromium (Debian {@code chromium} + {@code chromium-driver}, fake camera and
 * microphone, never a downloaded browser): WHIP/WHEP pages, rooms through the browser SDK on the test page
 * {@code /e2e/rooms.html} (from {@code src/test/resources/web/e2e/}, served by the server under test from the
 * test classpath), and the demo app with media. Each class starts a real in-process server in dev mode on free
 * ports; tests poll with deadlines sized for a busy 2-core machine.
 */
package dev.onair.server.e2e;
