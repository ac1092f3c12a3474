/**
 * A function of ours to run in the page as an init script. tsx compiles this code with
 * esbuild's keepNames, which wraps named functions in `__name(fn, "name")`: a helper the
 * page does not have. The function's text is run where a no-op `__name` is in scope.
 */
export function initScript(run: () => void): { content: string } {
  return { content: `(() => {\nconst __name = (fn) => fn;\n(${run.toString()})();\n})();` };
}
