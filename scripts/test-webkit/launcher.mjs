// @web/test-runner-webdriver's launcher, with `sendKeys` typing as it does under Playwright.
// The launcher hands every key of `sendKeys({ type })` to one WebdriverIO `keys()` call, which
// presses them all down before releasing any: WebKit drops a key pressed while already down, so
// "password" arrived as "pasword". And `sendKeys({ press: 'Control+V' })` typed the text
// "Control+V". Here typed text is one WebDriver action list releasing each key before the next,
// and a `+` combination is a chord.
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const COMBINATION = /^[A-Za-z]+(\+[A-Za-z0-9]+)+$/;

export class WebKitLauncher extends WebdriverLauncher {
  /** @param {string} sessionId @param {string[]} keys what sendKeys passes: typed characters, or one key to press */
  async sendKeys(sessionId, keys) {
    if (keys.length > 1) {
      const actions = keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
      return this.driverManager.performActions(sessionId, [{ type: 'key', id: 'keyboard', actions }]);
    }
    const [key] = keys;
    // The key after a modifier is the key, not the capital letter: Control+V is Control+v.
    const chord = COMBINATION.test(key) ? key.split('+').map((name) => (name.length === 1 ? name.toLowerCase() : name)) : [key];
    return super.sendKeys(sessionId, chord);
  }
}
