import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFields } from '../../src/core/validation.js';

const formData = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.set(name, value);
  return data;
};

describe('readFields', () => {
  it('returns the values as sent: identifiers trimmed, phone numbers in E.164, codes without spaces, secrets as typed', () => {
    const read = readFields(
      ['email', 'password', 'phoneNumber', 'code'],
      formData({ email: ' ada@example.com ', password: ' p w ', phoneNumber: '+43 664 1234567', code: '12 34 56' }),
    );
    assert.deepEqual(read, {
      values: { email: 'ada@example.com', password: ' p w ', phoneNumber: '+436641234567', code: '123456' },
      problems: {},
    });
  });

  it('names every problem and the first invalid field in form order; a missing field reads as empty', () => {
    const read = readFields(['tenant', 'email', 'password'], formData({ email: 'not-an-address' }));
    assert.deepEqual(read.problems, { tenant: 'required', email: 'invalid-email', password: 'required' });
    assert.equal(read.firstInvalid, 'tenant');
    assert.deepEqual(read.values, { tenant: '', email: 'not-an-address', password: '' });
  });

  it('takes an empty branch as none', () => {
    assert.deepEqual(readFields(['branchId'], formData({})).problems, {});
  });
});
