import type { FieldName } from './presets.js';
import { toE164 } from './phone.js';

/** Why a field's value cannot be sent. */
export type FieldProblem = 'required' | 'invalid-email' | 'invalid-phone';

// Deliberately loose: one @, no spaces, a dot in the domain. The server is the judge of the rest.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks one value before the network; `undefined` when it may be sent. */
export function fieldProblem(field: FieldName | 'tenant', value: string): FieldProblem | undefined {
  if (value.trim() === '') return field === 'branchId' ? undefined : 'required';
  if (field === 'email' && !EMAIL_PATTERN.test(value.trim())) return 'invalid-email';
  if (field === 'phoneNumber' && !toE164(value)) return 'invalid-phone';
  return undefined;
}

/** The value as it is sent: phone numbers in E.164, codes without spaces, identifiers trimmed. */
export function normalizeField(field: FieldName | 'tenant', value: string): string {
  switch (field) {
    case 'password':
    case 'clientKey':
      return value;
    case 'phoneNumber':
      return toE164(value) ?? value.trim();
    case 'code':
      return value.replace(/\s/g, '');
    default:
      return value.trim();
  }
}

/** A form's values as they are sent, and the problems of those that cannot be. */
export interface ReadFields<Name extends FieldName | 'tenant'> {
  values: Partial<Record<Name, string>>;
  problems: Partial<Record<Name, FieldProblem>>;
  /** The first field, in form order, with a problem. */
  firstInvalid?: Name;
}

/** Reads the named fields of a form's data, checked and normalized. */
export function readFields<Name extends FieldName | 'tenant'>(names: readonly Name[], data: FormData): ReadFields<Name> {
  const read: ReadFields<Name> = { values: {}, problems: {} };
  for (const name of names) {
    const raw = data.get(name);
    const value = typeof raw === 'string' ? raw : '';
    const problem = fieldProblem(name, value);
    if (problem) {
      read.problems[name] = problem;
      read.firstInvalid ??= name;
    }
    read.values[name] = normalizeField(name, value);
  }
  return read;
}
