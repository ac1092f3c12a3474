import type { remote } from 'webdriverio';

type RemoteOptions = Parameters<typeof remote>[0];

export declare function findMiniBrowser(): string | undefined;
export declare function webkitCapabilities(): RemoteOptions['capabilities'];
export declare function webkitRemoteOptions(): RemoteOptions;
