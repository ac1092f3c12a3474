import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatExpiresIn } from '../../src/components/login/expiry-text.js';
import { expiryTextChangesIn } from '../../src/core/expiry-text-schedule.js';
import { addDefaultTexts } from '../../src/components/login/messages.js';
import { SESSION_TEXTS } from '../../src/components/login/session-texts.js';

// The signed-in view's texts come with its chunk; here, without the view, they are added by hand.
addDefaultTexts(SESSION_TEXTS);

const textAt = (remainingMs: number) => formatExpiresIn(remainingMs / 1000, 'en');
/** Up to ten hours left, to the millisecond. */
const remaining = fc.integer({ min: 1, max: 10 * 3600 * 1000 });

describe('the expiry countdown wakes only when its text changes', () => {
  it('shows the same text until the wake-up, and another one at it', () => {
    fc.assert(
      fc.property(remaining, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (left, fraction) => {
        const wake = expiryTextChangesIn(left);
        assert.ok(wake > 0 && wake <= 60_000);
        assert.equal(textAt(left - Math.floor(fraction * wake)), textAt(left), 'no change before the wake-up');
        assert.notEqual(textAt(left - wake), textAt(left), 'a change at it');
      }),
      { numRuns: 5000 },
    );
  });

  it('wakes once a minute with more than a minute left, and once a second in the last', () => {
    const wakeUps = (from: number, until: number) => {
      let count = 0;
      for (let left = from; left > until; left -= expiryTextChangesIn(left)) count += 1;
      return count;
    };
    // The hour before the last minute: 59 minutes, and the 1 s from "1 h 0 min" to "59 min".
    assert.equal(wakeUps(3600_000, 60_000), 60);
    assert.equal(wakeUps(60_000, 0), 60);
  });

  it('reads as a reader expects at the boundaries', () => {
    assert.equal(textAt(3600_000), 'Expires in 1 h 0 min');
    assert.equal(textAt(119_000), 'Expires in 1 min');
    assert.equal(textAt(59_500), 'Expires in 1 min');
    assert.equal(textAt(59_000), 'Expires in 59 s');
    assert.equal(textAt(500), 'Expires in 1 s');
    assert.equal(textAt(0), 'Expired');
  });
});
