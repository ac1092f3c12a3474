import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LazyModuleController } from '../../src/controllers/lazy-module-controller.js';

/** A host whose loader the test controls: each call of `load` is counted and answered by the test. */
class LazyHost extends LitElement {
  calls = 0;
  answers: Array<{ resolve: (value: string) => void; reject: (error: Error) => void }> = [];
  preload = true;
  lazy!: LazyModuleController<string>;

  override connectedCallback(): void {
    this.lazy ??= new LazyModuleController(
      this,
      () => {
        this.calls += 1;
        return new Promise<string>((resolve, reject) => this.answers.push({ resolve, reject }));
      },
      { preload: this.preload },
    );
    super.connectedCallback();
  }

  override render() {
    return html`${this.lazy.module ?? 'waiting'}`;
  }
}
customElements.define('lazy-host', LazyHost);

// Where there are no idle callbacks (WebKit), the controller waits 50 ms: this waits longer.
const idle = () =>
  new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(resolve, { timeout: 1000 }) : setTimeout(resolve, 100)));

describe('LazyModuleController', () => {
  it('loads once the host has rendered and the browser is idle, and renders again with the module', async () => {
    const host = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);
    expect(host.calls).to.equal(0, 'not before the first render is done');
    await waitUntil(() => host.calls === 1, 'loaded when idle');
    host.answers[0]!.resolve('here');
    await waitUntil(() => host.shadowRoot!.textContent === 'here');
    expect(await host.lazy.loaded).to.equal('here');
    await host.lazy.load();
    expect(host.calls).to.equal(1, 'one import for every later load()');
  });

  it('with preload off, loads only when asked', async () => {
    const host = document.createElement('lazy-host') as LazyHost;
    host.preload = false;
    document.body.append(host);
    await host.updateComplete;
    await idle();
    await idle();
    expect(host.calls).to.equal(0);
    const loading = host.lazy.load();
    host.answers[0]!.resolve('asked');
    expect(await loading).to.equal('asked');
    host.remove();
  });

  it('asks again after a failed load (offline, a redeploy), and the failure reaches the caller', async () => {
    const host = document.createElement('lazy-host') as LazyHost;
    host.preload = false;
    document.body.append(host);
    const first = host.lazy.load();
    host.answers[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
    let failure: unknown;
    await first.catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(TypeError);
    const second = host.lazy.load();
    expect(host.calls).to.equal(2);
    host.answers[1]!.resolve('second time');
    expect(await second).to.equal('second time');
    host.remove();
  });

  it('never loads for a host that left the page before the browser was idle', async () => {
    const host = document.createElement('lazy-host') as LazyHost;
    document.body.append(host);
    await host.updateComplete;
    host.remove();
    await idle();
    await idle();
    expect(host.calls).to.equal(0);
  });
});
