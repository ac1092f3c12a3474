import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { api, shadow, tab } from '../helpers/widget.js';

/** Visible controls smaller than WCAG 2.2's 24 × 24 px target size. */
function smallTargets(element: JwtLogin): string[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('button, input, summary')]
    .filter((node) => node.checkVisibility())
    .map((node) => ({ node, box: node.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 24 || box.height < 24)
    .map(({ node, box }) => `${node.getAttribute('part') ?? node.localName} ${box.width}×${box.height}`);
}

for (const scheme of ['light', 'dark']) {
  describe(`every method in ${scheme}`, () => {
    for (const method of [/password/i, /api key/i, /phone/i, /e-mail code/i]) {
      it(`the ${method.source.replace(/\\/g, '')} form has no axe violations and no target under 24 px`, async () => {
        const element = await fixture<JwtLogin>(
          html`<jwt-login style=${`color-scheme: ${scheme}`} base-url=${api.wunder}></jwt-login>`,
        );
        tab(element, method).click();
        await element.updateComplete;
        await expect(element).to.be.accessible();
        expect(smallTargets(element)).to.deep.equal([]);
      });
    }
  });
}
