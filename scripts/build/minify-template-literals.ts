/**
 * Minifies the text of Lit's `css` and `html` tagged templates in the widget's source for
 * the bundle build, where the JS minifier leaves template text alone: minify-literals does
 * it (CSS with Lightning CSS, HTML with html-minifier-next) and returns a source map.
 * (Its Rollup plugin, rollup-plugin-minify-template-literals, lags behind it: these few
 * lines call it instead.)
 */
import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/** Our source modules that may hold Lit templates. */
const SOURCE = /\/src\/.*\.ts$/;

export function minifyTemplateLiterals(): Plugin {
  return {
    name: 'jwt-login:minify-template-literals',
    apply: 'build',
    async transform(code, id) {
      if (!SOURCE.test(id) || !/\b(css|html)`/.test(code)) return null;
      // Only the `html` and `css` tags (the defaults also take `svg`, `style`, `styled`…).
      return minifyHTMLLiterals(code, { fileName: id, htmlTags: ['html'], cssTags: ['css'] });
    },
  };
}
