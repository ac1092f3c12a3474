import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JwtLogin } from '../../src/components/login/login.js';
import type { LoginErrorEvent } from '../../src/events/login-error-event.js';
import { clearFaults, countingFetches, injectFault, shadow, visibleButton, visibleInput } from '../helpers/widget.js';

/** One of the widget's forms, as the shared suite drives it. */
export interface FormUnderTest {
  name: string;
  /** A widget showing this form, ready to type into. */
  open(): Promise<JwtLogin>;
  /** Types valid values into the form. */
  fill(element: JwtLogin): Promise<void>;
  /** The label of the first input the form asks for. */
  firstLabel: RegExp;
  submit: RegExp;
  /** A part of the path of the request the form makes. */
  path: string;
  /** An input whose typed value must survive an error, and that value. */
  kept: { label: RegExp; value: () => string };
}

/** Resolves when the form's request has had its outcome, whatever it was. */
function outcome(element: JwtLogin): Promise<Event> {
  return Promise.race(['login', 'otp-sent', 'login-error'].map((type) => oneEvent(element, type)));
}

/** The behaviour every form shares, one suite run against each. */
export function describeSharedFormBehaviour(form: FormUnderTest): void {
  describe(`${form.name} form`, () => {
    afterEach(clearFaults);

    it('catches empty input before the network and focuses the first field', async () => {
      const element = await form.open();
      const { urls } = await countingFetches(async () => {
        visibleButton(element, form.submit).click();
        await element.updateComplete;
      });
      const first = visibleInput(element, form.firstLabel);
      expect(urls).to.deep.equal([]);
      expect(first.getAttribute('aria-invalid')).to.equal('true');
      expect(shadow(element).activeElement).to.equal(first);
    });

    it('shows the busy state while its request is in flight', async () => {
      const element = await form.open();
      await form.fill(element);
      await injectFault({ match: form.path, delayMs: 400 });
      const done = outcome(element);
      const submit = visibleButton(element, form.submit);
      submit.click();
      await element.updateComplete;
      expect(submit.getAttribute('aria-disabled')).to.equal('true');
      expect(submit.closest('form')!.getAttribute('aria-busy')).to.equal('true');
      await done;
    });

    it('sends one request however often it is submitted', async () => {
      const element = await form.open();
      await form.fill(element);
      await injectFault({ match: form.path, delayMs: 300 });
      const { urls } = await countingFetches(async () => {
        const done = outcome(element);
        const submit = visibleButton(element, form.submit);
        submit.click();
        submit.click();
        submit.focus();
        await sendKeys({ press: 'Enter' });
        await done;
      });
      expect(urls.filter((url) => url.includes(form.path))).to.have.length(1);
    });

    it('shows a server error in the alert and is usable again', async () => {
      const element = await form.open();
      await form.fill(element);
      await injectFault({ match: form.path, status: 500, body: '<html><body>Internal error</body></html>' });
      const failure = oneEvent(element, 'login-error') as Promise<LoginErrorEvent>;
      visibleButton(element, form.submit).click();
      expect((await failure).detail.code).to.equal('server-error');
      await element.updateComplete;
      const alert = [...shadow(element).querySelectorAll('[part="error"]')].find((node) => node.checkVisibility());
      expect(alert!.getAttribute('role')).to.equal('alert');
      expect(alert!.textContent).not.to.contain('<html>');
      expect(visibleButton(element, form.submit).getAttribute('aria-disabled')).to.equal('false');
    });

    it('keeps what was typed after an error', async () => {
      const element = await form.open();
      await form.fill(element);
      await injectFault({ match: form.path, status: 503 });
      const failure = oneEvent(element, 'login-error');
      visibleButton(element, form.submit).click();
      await failure;
      await element.updateComplete;
      expect(visibleInput(element, form.kept.label).value).to.equal(form.kept.value());
    });
  });
}
