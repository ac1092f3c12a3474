import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { api, part, shadow, tab, typeInto, visibleInput } from '../helpers/widget.js';

const tabs = (element: JwtLogin) => [...shadow(element).querySelectorAll<HTMLElement>('[role="tab"]')];
const selected = (element: JwtLogin) => tabs(element).find((candidate) => candidate.getAttribute('aria-selected') === 'true');

async function wunder(methods?: string): Promise<JwtLogin> {
  return fixture<JwtLogin>(html`<jwt-login base-url=${api.wunder} methods=${methods ?? ''}></jwt-login>`);
}

describe('method tabs', () => {
  it('shows every method of the preset in the contract order by default', async () => {
    const element = await wunder();
    expect(tabs(element).map((node) => node.textContent!.trim())).to.deep.equal(['Password', 'API key', 'Phone', 'E-mail code']);
    expect(shadow(element).querySelector('[role="tablist"]')!.getAttribute('part')).to.equal('tabs');
  });

  it('follows the order of the methods attribute', async () => {
    const element = await wunder('email-otp password');
    expect(tabs(element).map((node) => node.textContent!.trim())).to.deep.equal(['E-mail code', 'Password']);
    expect(selected(element)!.textContent!.trim()).to.equal('E-mail code');
  });

  it('has no tabs for one method', async () => {
    const element = await fixture<JwtLogin>(html`<jwt-login base-url=${api.datarhei} preset="datarhei"></jwt-login>`);
    expect(tabs(element)).to.have.length(0);
    expect(shadow(element).querySelector('[role="tabpanel"]')).to.equal(null);
  });

  it('ties each tab to its panel and shows only the selected one', async () => {
    const element = await wunder();
    for (const node of tabs(element)) {
      const panel = shadow(element).getElementById(node.getAttribute('aria-controls')!)!;
      const isSelected = node.getAttribute('aria-selected') === 'true';
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(panel.hidden).to.equal(!isSelected);
      expect(panel.querySelector('form') !== null).to.equal(isSelected);
    }
  });

  it('has exactly one input per label, so a label finds one input', async () => {
    const element = await wunder();
    for (const label of [/e-?mail/i, /password/i]) {
      const names = [
        ...[...shadow(element).querySelectorAll('label')].map((node) => node.textContent ?? ''),
        ...[...shadow(element).querySelectorAll('[aria-label]')].map((node) => node.getAttribute('aria-label')!),
        ...[...shadow(element).querySelectorAll('[aria-labelledby]')].map((node) =>
          node.getAttribute('aria-labelledby')!.split(' ').map((id) => shadow(element).getElementById(id)?.textContent ?? '').join(' '),
        ),
      ];
      const labelled = names.filter((name) => label.test(name));
      expect(labelled, String(label)).to.have.length(1);
    }
  });

  it('is one tab stop', async () => {
    const element = await wunder();
    expect(tabs(element).map((node) => node.tabIndex)).to.deep.equal([0, -1, -1, -1]);
  });

  it('moves and selects with the arrow keys, wrapping, and Home and End', async () => {
    const element = await wunder();
    tabs(element)[0]!.focus();
    const steps: Array<[string, string]> = [
      ['ArrowRight', 'API key'],
      ['ArrowRight', 'Phone'],
      ['End', 'E-mail code'],
      ['ArrowRight', 'Password'],
      ['ArrowLeft', 'E-mail code'],
      ['Home', 'Password'],
    ];
    for (const [key, expected] of steps) {
      await sendKeys({ press: key });
      await element.updateComplete;
      expect(selected(element)!.textContent!.trim(), key).to.equal(expected);
      expect(shadow(element).activeElement).to.equal(selected(element));
    }
  });

  it('keeps what was typed in a form across a change of tab', async () => {
    const element = await wunder();
    await typeInto(visibleInput(element, /e-?mail/i), 'demo@example.com');
    tab(element, /api key/i).click();
    await element.updateComplete;
    tab(element, /password/i).click();
    await element.updateComplete;
    expect(visibleInput(element, /e-?mail/i).value).to.equal('demo@example.com');
  });

  it('never carries a value into another tab’s form', async () => {
    const element = await wunder();
    await typeInto(visibleInput(element, /e-?mail/i), 'demo@example.com');
    tab(element, /api key/i).click();
    await element.updateComplete;
    expect(visibleInput(element, /client id/i).value).to.equal('');
  });

  it('asks for the tenant once: what is typed in one form shows in every form', async () => {
    const element = await wunder();
    await typeInto(visibleInput(element, /^tenant$/i), 'globex');
    tab(element, /phone/i).click();
    await element.updateComplete;
    expect(visibleInput(element, /^tenant$/i).value).to.equal('globex');
  });

  it('is accessible', async () => {
    await expect(await wunder()).to.be.accessible();
  });
});

describe('method tabs at any width and in any language', () => {
  const rows = (element: JwtLogin) => new Set(tabs(element).map((node) => Math.round(node.getBoundingClientRect().top))).size;

  async function sized(width: string, lang: string, methods = ''): Promise<JwtLogin> {
    const element = await fixture<JwtLogin>(
      html`<jwt-login lang=${lang} style=${`inline-size: ${width}; --jwt-login-max-width: ${width}`} base-url=${api.wunder} methods=${methods}></jwt-login>`,
    );
    await waitUntil(() => lang === 'en' || !tabs(element).some((node) => node.textContent!.trim() === 'Password'), `${lang} texts`);
    return element;
  }

  for (const lang of ['en', 'de', 'fr', 'es', 'ar']) {
    it(`keeps four ${lang} tabs inside the list in two even rows at 320 px`, async () => {
      const element = await sized('320px', lang);
      const list = part(element, 'tabs')!;
      expect(list.scrollWidth, 'no horizontal overflow').to.be.at.most(list.clientWidth);
      expect(rows(element)).to.equal(2);
      const widths = tabs(element).map((node) => Math.round(node.getBoundingClientRect().width));
      expect(Math.max(...widths) - Math.min(...widths), 'equal cells').to.be.at.most(1);
    });
  }

  it('puts four tabs in one row when there is room', async () => {
    expect(rows(await sized('44rem', 'en'))).to.equal(1);
  });

  it('puts two or three tabs in one row at the default width', async () => {
    expect(rows(await sized('28rem', 'de', 'password api-key phone-otp'))).to.equal(1);
    expect(rows(await sized('28rem', 'de', 'password email-otp'))).to.equal(1);
  });

  it('keeps every tab a target of at least 24 by 24 px', async () => {
    const element = await sized('320px', 'de');
    for (const node of tabs(element)) {
      const { width, height } = node.getBoundingClientRect();
      expect(Math.min(width, height)).to.be.at.least(24);
    }
  });
});
