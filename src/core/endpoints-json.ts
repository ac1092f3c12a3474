import { endpointsProblem } from './endpoints-schema.js';
import { configError } from './errors.js';
import type { EndpointsOverride } from './presets.js';

// Its own module, with the validator it needs: the element loads it only when a page
// describes its API's calls (the `endpoints` property or a child JSON script).

/** The `endpoints` value checked against the format; a config-error names the key at fault. */
export function parseEndpoints(value: EndpointsOverride | string | null | undefined): EndpointsOverride | undefined {
  if (value === null || value === undefined) return undefined;
  let data: unknown = value;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    try {
      data = JSON.parse(value);
    } catch (error) {
      throw configError('endpoints', `endpoints is not valid JSON: ${(error as Error).message}`);
    }
  }
  const checked = endpointsProblem(data);
  if ('problem' in checked) throw configError('endpoints', checked.problem);
  return checked.override;
}
