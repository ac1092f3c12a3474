// Loaded before each component test file in WebKit (web-test-runner.webkit.config.mjs): a root
// hook that skips the tests of WEBKIT_SKIPS, saying which and why in the browser log.
import { webkitSkipReason } from './component-skips.js';

beforeEach(function skipInWebKit() {
  const title = this.currentTest?.fullTitle() ?? '';
  const reason = webkitSkipReason(title);
  if (reason === undefined) return;
  console.warn(`skipped in WebKit: ${title}: ${reason}`);
  this.skip();
});
