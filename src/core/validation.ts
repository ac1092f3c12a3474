import type { FieldName } from './presets.js';

/** Why a field's value cannot be sent. */
export type FieldProblem = 'required' | 'invalid-email';

// Deliberately loose: one @, no spaces, a dot in the domain. The server is the judge of the rest.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks one value before the network; `undefined` when it may be sent. */
export function fieldProblem(field: FieldName | 'tenant', value: string): FieldProblem | undefined {
  if (value.trim() === '') return field === 'branchId' ? undefined : 'required';
  if (field === 'email' && !EMAIL_PATTERN.test(value.trim())) return 'invalid-email';
  return undefined;
}
