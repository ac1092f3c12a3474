// The analyzer's programmatic entry (the one `cem analyze` calls) ships without types.
declare module '@custom-elements-manifest/analyzer/cli.js' {
  export function cli(options: { argv?: string[]; cwd?: string; noWrite?: boolean }): Promise<unknown>;
}
