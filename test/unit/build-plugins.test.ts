import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyHtmlParts } from '../../scripts/build/minify-template-literals.js';

describe('minifyCss (the bundle build)', () => {
  it('drops comments and the whitespace CSS ignores, keeping a descendant combinator', () => {
    const css = `
      /* the host */
      :host {
        display : block;
        margin: 0 auto ;
      }
      .field :hover > input , a { color: red !important; }
    `;
    assert.equal(minifyCss(css), ':host{display :block;margin:0 auto}.field :hover>input,a{color:red!important}');
  });

  it('shortens numbers and colours in values only, and leaves strings alone', () => {
    assert.equal(
      minifyCss(`.a { opacity: 0.5; color: #ffffff; content: "0.5  #ffffff" } .b0.5 { }`),
      '.a{opacity:.5;color:#fff;content:"0.5  #ffffff"}.b0.5{}',
    );
  });

  it('unquotes an attribute selector value that is an identifier, not one that is not', () => {
    assert.equal(minifyCss(`[part='submit'] { } [title="a b"] { }`), '[part=submit]{}[title="a b"]{}');
  });
});

describe('minifyHtmlParts (the bundle build)', () => {
  it('turns indentation into one space and never removes whitespace altogether', () => {
    assert.deepEqual(minifyHtmlParts(['<p>\n    <b>a</b>\n    <i>', '</i>\n  </p>']), ['<p> <b>a</b> <i>', '</i> </p>']);
  });

  it('leaves <pre> and <textarea> content as it is, across template parts', () => {
    assert.deepEqual(minifyHtmlParts(['<pre>\n  a\n', '\n  b</pre>\n  <p>']), ['<pre>\n  a\n', '\n  b</pre> <p>']);
  });
});
