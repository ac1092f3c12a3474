import type { FormStep, InputName } from '../core/form-fields.js';
import type { LoginMethod } from '../core/presets.js';

/** One form of the element: a method and the step it is at. */
export type FormKey = `${LoginMethod}:${FormStep}`;
export const formKey = (method: LoginMethod, step: FormStep): FormKey => `${method}:${step}`;

// The ids of a form's pieces, unique within the element: focus moves by id, never by part name.
const pieceId = (key: string, piece: string) => `jwt-login-${key.replace(':', '-')}-${piece}`;
export const inputId = (key: string, name: InputName) => pieceId(key, name);
export const errorId = (key: string) => pieceId(key, 'error');
export const submitId = (key: string) => pieceId(key, 'submit');
/** "We sent a code to …", which describes the code input. */
export const otpSentId = (key: string) => pieceId(key, 'sent');
