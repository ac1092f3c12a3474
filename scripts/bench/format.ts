/** How the bench writes numbers: kB are 1000 bytes (as `gzip -9 | wc -c` / 1000), times in ms. */
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
export const bytesAndKb = (bytes: number) => `${kB(bytes)} (${bytes.toLocaleString('en-US')} B)`;
export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
export const times = (ratio: number) => `${ratio.toFixed(2)}×`;
export const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
