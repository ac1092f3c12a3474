// Types of custom-elements-manifest.config.mjs, for the package tests that import it.
/** The environment variable naming the folder the editors' data and the frameworks' types go to. */
export declare const TYPES_OUTDIR_VARIABLE: string;
declare const config: Record<string, unknown>;
export default config;
