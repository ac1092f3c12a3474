import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { connectExplorers } from '../../src/bridges/connect-explorers.js';
import { EXPLORER_FINDERS, type ExplorerFinder } from '../../src/bridges/explorer-finders.js';
import type { JwtLogin } from '../../src/components/login/login.js';
import { FakeLogin } from '../helpers/fake-login.js';
import { api } from '../helpers/widget.js';

/**
 * A row for an explorer `<test-explorer>`, written as a new explorer's row would be: it
 * records which instances are connected, so the connector's behaviour can be read directly.
 */
function testExplorerRow(definedBy?: string) {
  const connected = new Set<Element>();
  const row: ExplorerFinder = {
    name: 'Test explorer',
    definedBy,
    find: (document) =>
      [...document.querySelectorAll('test-explorer')]
        .filter(() => !definedBy || customElements.get(definedBy))
        .map((element) => ({
          explorer: element,
          element,
          connect: () => {
            connected.add(element);
            return () => connected.delete(element);
          },
        })),
  };
  return { row, connected };
}

/** What the connector needs of a widget; the test rows never read it. */
const login = Object.assign(new EventTarget(), { session: null });
const nativeFetch = window.fetch;
const fetchIsWrapped = () => window.fetch !== nativeFetch;

describe('connectExplorers', () => {
  afterEach(() => {
    window.fetch = nativeFetch;
  });

  it('connects the explorers on the page and the ones that appear later, each once', async () => {
    const page = await fixture(html`<div><test-explorer id="first"></test-explorer></div>`);
    const { row, connected } = testExplorerRow();
    const stop = connectExplorers(login, { finders: [row] });
    expect([...connected].map((element) => element.id)).to.deep.equal(['first']);
    page.append(Object.assign(document.createElement('test-explorer'), { id: 'later' }));
    await waitUntil(() => connected.size === 2, 'the explorer added later is connected');
    page.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect([...connected].map((element) => element.id)).to.deep.equal(['first', 'later']);
    stop();
  });

  it("on sign-out has each finder forget the page load's tokens, with no explorer connected, and no more once stopped", async () => {
    await fixture(html`<div></div>`);
    const forgotten: string[][] = [];
    const row: ExplorerFinder = { name: 'Stored explorer', find: () => [], forget: (tokens) => forgotten.push([...tokens]) };
    const widget = new FakeLogin();
    widget.session = { accessToken: 'restored' };
    const stop = connectExplorers(widget, { finders: [row] });
    widget.signIn('refreshed', 'token-refresh');
    widget.signOut();
    expect(forgotten).to.deep.equal([['restored', 'refreshed']]);
    widget.signIn('next');
    widget.signOut();
    expect(forgotten).to.deep.equal([['restored', 'refreshed'], ['next']], 'a later session forgets only its own');
    stop();
    widget.signIn('after');
    widget.signOut();
    expect(forgotten).to.have.length(2);
  });

  it('has the other finders forget when one cannot reach its storage', async () => {
    await fixture(html`<div></div>`);
    const forgotten: string[][] = [];
    const blocked: ExplorerFinder = {
      name: 'Blocked storage',
      find: () => [],
      forget: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    const row: ExplorerFinder = { name: 'Stored explorer', find: () => [], forget: (tokens) => forgotten.push([...tokens]) };
    const widget = new FakeLogin();
    const stop = connectExplorers(widget, { finders: [blocked, row] });
    widget.signIn('token');
    widget.signOut();
    expect(forgotten).to.deep.equal([['token']]);
    stop();
  });

  it('connects only the explorers a selector names: the element itself or an ancestor matching', async () => {
    await fixture(html`<div>
      <test-explorer id="named"></test-explorer>
      <section id="docs"><test-explorer id="inside"></test-explorer></section>
      <test-explorer id="other"></test-explorer>
    </div>`);
    const { row, connected } = testExplorerRow();
    const stop = connectExplorers(login, { finders: [row], select: '#named, #docs' });
    expect([...connected].map((element) => element.id)).to.deep.equal(['named', 'inside']);
    stop();
  });

  it('disconnects an explorer whose element leaves the page, and every one when stopped', async () => {
    const page = await fixture(html`<div><test-explorer id="a"></test-explorer><test-explorer id="b"></test-explorer></div>`);
    const { row, connected } = testExplorerRow();
    const stop = connectExplorers(login, { finders: [row] });
    page.querySelector('#a')!.remove();
    await waitUntil(() => connected.size === 1, 'the removed explorer is disconnected');
    expect([...connected].map((element) => element.id)).to.deep.equal(['b']);
    stop();
    expect(connected.size).to.equal(0);
  });

  it("looks again when a row's custom element is defined", async () => {
    await fixture(html`<test-explorer></test-explorer>`);
    const { row, connected } = testExplorerRow('late-test-explorer');
    const stop = connectExplorers(login, { finders: [row] });
    expect(connected.size).to.equal(0, 'not ready before its element is defined');
    customElements.define('late-test-explorer', class extends HTMLElement {});
    await waitUntil(() => connected.size === 1, 'connected once defined');
    stop();
  });

  it('connects nothing, with a warning naming the attribute, for a value that is not a selector', async () => {
    await fixture(html`<test-explorer></test-explorer>`);
    const { row, connected } = testExplorerRow();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      connectExplorers(login, { finders: [row], select: '#(' })();
    } finally {
      console.warn = warn;
    }
    expect(connected.size).to.equal(0);
    expect(warnings).to.deep.equal(['<jwt-login>: connect="#(" is not a CSS selector; no explorer is connected.']);
  });
});

describe('the explorer finders', () => {
  it('have one row per explorer', () => {
    expect(EXPLORER_FINDERS.map((row) => row.name)).to.include.members(['Swagger UI', 'Stoplight Elements', 'Scalar', 'RapiDoc']);
  });

  it('find no Swagger UI, Scalar or RapiDoc on a page without them', async () => {
    await fixture(html`<div data-v-app><rapi-doc></rapi-doc></div>`);
    const found = EXPLORER_FINDERS.filter((row) => row.name !== 'Stoplight Elements').flatMap((row) => row.find(document));
    expect(found).to.deep.equal([]);
  });
});

describe('<jwt-login connect>', () => {
  afterEach(() => {
    window.fetch = nativeFetch;
  });

  // Stoplight Elements' bridge wraps `fetch` while connected: what the page can see of it.
  it('connects the Stoplight Elements on the page, and lets go when the explorer leaves', async () => {
    const page = await fixture(html`<div>
      <jwt-login connect base-url=${api.wunder} tenant="acme" methods="password"></jwt-login>
      <elements-api apiDescriptionUrl="${api.wunder}/openapi.json"></elements-api>
    </div>`);
    await waitUntil(fetchIsWrapped, 'connected');
    page.querySelector('elements-api')!.remove();
    await waitUntil(() => !fetchIsWrapped(), 'disconnected');
  });

  it('disconnects when the widget leaves the page or the attribute is removed, and connects again when it returns', async () => {
    const page = await fixture(html`<div>
      <jwt-login connect="auto" base-url=${api.wunder} tenant="acme" methods="password"></jwt-login>
      <elements-api apiDescriptionUrl="${api.wunder}/openapi.json"></elements-api>
    </div>`);
    const login = page.querySelector<JwtLogin>('jwt-login')!;
    await waitUntil(fetchIsWrapped, 'connected');
    login.remove();
    expect(fetchIsWrapped()).to.equal(false, 'disconnected with the widget');
    page.prepend(login);
    await waitUntil(fetchIsWrapped, 'connected again');
    login.removeAttribute('connect');
    await login.updateComplete;
    expect(fetchIsWrapped()).to.equal(false, 'disconnected without the attribute');
  });

  // React 19 sets a bare `connect` in JSX as the property `true`, not as the attribute.
  it('takes the property true for every explorer and false for none', async () => {
    const page = await fixture(html`<div>
      <jwt-login base-url=${api.wunder} tenant="acme" methods="password"></jwt-login>
      <elements-api apiDescriptionUrl="${api.wunder}/openapi.json"></elements-api>
    </div>`);
    const login = page.querySelector<JwtLogin>('jwt-login')!;
    login.connect = true;
    await waitUntil(fetchIsWrapped, 'connected by connect = true');
    login.connect = false;
    await login.updateComplete;
    expect(fetchIsWrapped()).to.equal(false, 'disconnected by connect = false');
  });

  it('connects nothing without the attribute, nor outside the explorers it names', async () => {
    await fixture(html`<div>
      <jwt-login base-url=${api.wunder} tenant="acme" methods="password"></jwt-login>
      <jwt-login connect="#docs" base-url=${api.wunder} tenant="acme" methods="password"></jwt-login>
      <elements-api apiDescriptionUrl="${api.wunder}/openapi.json"></elements-api>
    </div>`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fetchIsWrapped()).to.equal(false);
  });
});
