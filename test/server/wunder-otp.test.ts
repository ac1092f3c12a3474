import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { call, claimsOf, startTestServer, type TestServer } from './harness.js';

describe('wunder one-time-code sign-in', () => {
  let server: TestServer;
  let base: string;
  let counter = 0;

  before(async () => {
    server = await startTestServer();
    base = `${server.baseUrls.wunder}/globex`;
  });
  after(() => server.close());

  const freshPhone = () => `+4366411${String(++counter).padStart(5, '0')}`;
  const freshEmail = () => `person${++counter}@example.com`;
  const requestSms = (phoneNumber: string) =>
    call(`${base}/front/customers/create-or-sign-in-with-phone-number`, { json: { phoneNumber, branchId: '42' } });
  const requestEmail = (email: string) =>
    call(`${base}/front/customers/create-or-sign-in-with-email-code`, { json: { email } });
  const signInSms = (phoneNumber: string, code: string) =>
    call(`${base}/auth/sign-in-phone-number`, { json: { phoneNumber, code } });
  const signInEmail = (email: string, code: string) =>
    call(`${base}/auth/sign-in-email-code`, { json: { email, code } });

  test('requesting a phone code answers 200 and puts a six-digit SMS in the outbox', async () => {
    const phone = freshPhone();
    const answer = await requestSms(phone);
    assert.equal(answer.status, 200);
    const message = server.outbox.list()[0]!;
    assert.equal(message.channel, 'sms');
    assert.equal(message.to, phone);
    assert.equal(message.tenant, 'globex');
    assert.match(message.code, /^\d{6}$/);
  });

  test('the phone code from the outbox signs in with the phone number in the token', async () => {
    const phone = freshPhone();
    await requestSms(phone);
    const answer = await signInSms(phone, server.outbox.latest(phone)!);
    assert.equal(answer.status, 200);
    assert.equal(claimsOf(answer.body.accessToken).phoneNumber, phone);
    assert.equal(typeof answer.body.refreshToken, 'string');
  });

  test('the e-mail code from the outbox signs in with the address in the token', async () => {
    const email = freshEmail();
    await requestEmail(email);
    assert.equal(server.outbox.list()[0]!.channel, 'email');
    const answer = await signInEmail(email, server.outbox.latest(email)!);
    assert.equal(answer.status, 200);
    assert.equal(claimsOf(answer.body.accessToken).email, email);
  });

  test('the demo user signing in by e-mail code keeps their account', async () => {
    await requestEmail('demo@example.com');
    const answer = await signInEmail('demo@example.com', server.outbox.latest('demo@example.com')!);
    assert.equal(claimsOf(answer.body.accessToken).name, 'Dana Demo');
  });

  test('a code works only once', async () => {
    const phone = freshPhone();
    await requestSms(phone);
    const code = server.outbox.latest(phone)!;
    assert.equal((await signInSms(phone, code)).status, 200);
    const again = await signInSms(phone, code);
    assert.equal(again.status, 401);
    assert.deepEqual(again.body, { message: 'Invalid code', status: 401 });
  });

  test('a wrong code is answered 401 Invalid code', async () => {
    const email = freshEmail();
    await requestEmail(email);
    const wrong = server.outbox.latest(email) === '000000' ? '111111' : '000000';
    const answer = await signInEmail(email, wrong);
    assert.equal(answer.status, 401);
    assert.equal(answer.body.message, 'Invalid code');
  });

  test('five wrong attempts void the code', async () => {
    const phone = freshPhone();
    await requestSms(phone);
    const code = server.outbox.latest(phone)!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) await signInSms(phone, wrong);
    assert.equal((await signInSms(phone, code)).status, 401);
  });

  test('a code expires after five minutes', async () => {
    const phone = freshPhone();
    await requestSms(phone);
    server.clock.advance(5 * 60 * 1000 + 1);
    assert.equal((await signInSms(phone, server.outbox.latest(phone)!)).status, 401);
  });

  test('a second request within 30 s is answered 429 with Retry-After', async () => {
    const phone = freshPhone();
    await requestSms(phone);
    server.clock.advance(10_000);
    const answer = await requestSms(phone);
    assert.equal(answer.status, 429);
    assert.equal(answer.headers.get('retry-after'), '20');
  });

  test('a new code can be requested once 30 s have passed', async () => {
    const email = freshEmail();
    await requestEmail(email);
    server.clock.advance(30_000);
    assert.equal((await requestEmail(email)).status, 200);
  });

  test('a phone number not in E.164 format is answered 400', async () => {
    const answer = await requestSms('0664 1234567');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.status, 400);
  });

  test('an unknown phone number is provisioned as a new customer', async () => {
    const phone = freshPhone();
    await requestSms(phone);
    const claims = claimsOf((await signInSms(phone, server.outbox.latest(phone)!)).body.accessToken);
    assert.match(String(claims.sub), /^customer-new-/);
  });

  test('the outbox is readable over HTTP, newest first', async () => {
    const first = freshEmail();
    const second = freshEmail();
    await requestEmail(first);
    await requestEmail(second);
    const answer = await call(`${server.url}/_demo/outbox`);
    assert.equal(answer.status, 200);
    assert.equal(answer.body[0].to, second);
    assert.equal(answer.body[1].to, first);
    assert.deepEqual(Object.keys(answer.body[0]).sort(), ['channel', 'code', 'expiresAt', 'sentAt', 'tenant', 'to']);
  });
});
