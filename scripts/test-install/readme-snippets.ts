/**
 * The code of the README's "Install" section, as a user copies it: the git install command,
 * the Vite app's index.html and main.js, and the CDN snippet with its integrity attribute.
 * `npm run test:install` runs exactly these, with the placeholders filled in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InstallSnippets {
  /** `npm install … "git+https://<…>#<…>"`, its arguments split. */
  gitInstall: string[];
  /** The `allowScripts` entry the app's package.json gets before the install. */
  allowScripts: Record<string, boolean>;
  /** The app's index.html. */
  indexHtml: string;
  /** The app's main.js. */
  mainJs: string;
  /** `<script type="module" src="https://cdn.jsdelivr.net/npm/…" integrity="sha384-…" crossorigin="anonymous">`. */
  cdnScript: string;
}

/** The README's base URL in examples, replaced by the stand-in's wunder API. */
export const README_BASE_URL = 'https://go.api.gourban.services/v1';

/** The fenced blocks of one `## heading` section, with their info strings. */
function codeBlocks(readme: string, heading: string): Array<{ lang: string; code: string }> {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, code: match[2]! }));
}

function single<T>(items: T[], what: string): T {
  if (items.length !== 1) throw new Error(`README.md "## Install": expected one ${what}, found ${items.length}`);
  return items[0]!;
}

/** Splits a one-line shell command into its words (double-quoted words kept whole). */
const words = (command: string) => [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);

export function readInstallSnippets(repo: string): InstallSnippets {
  const blocks = codeBlocks(readFileSync(join(repo, 'README.md'), 'utf8'), 'Install');
  const command = single(
    blocks.filter((block) => block.lang === 'sh').flatMap((block) => block.code.split('\n')).filter((line) => line.includes('git+')),
    'git install command',
  );
  return {
    gitInstall: words(command.trim()),
    allowScripts: (
      JSON.parse(`{${single(blocks.filter((block) => block.lang === 'json' && block.code.includes('"allowScripts"')), 'allowScripts entry').code}}`) as {
        allowScripts: Record<string, boolean>;
      }
    ).allowScripts,
    indexHtml: single(blocks.filter((block) => block.lang === 'html' && block.code.includes('main.js')), 'index.html').code,
    mainJs: single(blocks.filter((block) => block.lang === 'js' && block.code.includes('jwt-login-widget')), 'main.js').code,
    cdnScript: single(
      blocks.filter((block) => block.lang === 'html' && block.code.includes('integrity=')).flatMap((block) => block.code.match(/<script\s[^>]*><\/script>/g) ?? []),
      'CDN script tag',
    ),
  };
}
