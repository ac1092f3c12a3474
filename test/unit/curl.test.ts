import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { curlCommand, shellWord } from '../../src/core/curl.js';

/** What a real POSIX shell makes of `words`: the arguments it passes, NUL-separated. */
function shellArguments(words: string): string[] {
  const { stdout, status } = spawnSync('/bin/sh', ['-c', `printf '%s\\0' ${words}`], { encoding: 'utf8' });
  assert.equal(status, 0);
  return stdout.split('\0').slice(0, -1);
}

test('shell words come back from /bin/sh exactly as given, whatever they hold', () => {
  // Arguments cannot hold NUL; everything else, quotes, $, `, \, newlines and spaces included.
  // Many words per shell: a shell per word would make this test slow.
  const text = fc.string({ unit: 'binary', maxLength: 40 }).map((value) => value.replaceAll('\0', ''));
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 50 }), (values) =>
      assert.deepEqual(shellArguments(values.map(shellWord).join(' ')), values),
    ),
    { numRuns: 30 },
  );
  assert.deepEqual(shellArguments(shellWord(`it's $HOME \`id\` "x" \\`)), [`it's $HOME \`id\` "x" \\`]);
});

test('the curl command passes the Authorization header and the URL as two arguments', () => {
  const command = curlCommand("https://api.example.com/v1/?q=it's", 'eyJ.a.b');
  assert.equal(command, `curl -H 'Authorization: Bearer eyJ.a.b' 'https://api.example.com/v1/?q=it'\\''s'`);
  assert.deepEqual(shellArguments(command.replace(/^curl /, '')), ['-H', 'Authorization: Bearer eyJ.a.b', "https://api.example.com/v1/?q=it's"]);
});
