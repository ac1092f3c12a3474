export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string | undefined;
export declare function chromiumLaunchOptions(): { executablePath: string; headless: boolean; args: string[] };
