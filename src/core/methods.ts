import type { FieldName, LoginMethod } from './presets.js';

/** Where a one-time code goes. */
export type OtpChannel = 'sms' | 'email';

/**
 * What the widget knows about a sign-in method, whatever the API: the values it may ask
 * for, and for a one-time-code method where the code goes. Text fields hold keys of the
 * widget's text table (`components/login/messages.ts`), which must have them all.
 */
export interface MethodFacts<Text extends string = string> {
  /** The values the method may ask for over its steps; a preset's calls send some of them. */
  fields: readonly FieldName[];
  /** One-time-code methods: the channel, and the field naming the recipient ("We sent a code to …"). */
  otp?: { channel: OtpChannel; recipient: FieldName; changeRecipientText: Text };
  /** The method's name, on its tab and in the signed-in view. */
  labelText: Text;
}

// One row per method. A new method is a row here, its entries in the presets and its texts:
// the compiler names a missing row (`satisfies`) and a missing text (messages.ts).
const ROWS = {
  password: { fields: ['email', 'username', 'password'], labelText: 'method.password' },
  'api-key': { fields: ['clientId', 'clientKey'], labelText: 'method.api-key' },
  'phone-otp': {
    fields: ['phoneNumber', 'code'],
    otp: { channel: 'sms', recipient: 'phoneNumber', changeRecipientText: 'otp.change-phone' },
    labelText: 'method.phone-otp',
  },
  'email-otp': {
    fields: ['email', 'code'],
    otp: { channel: 'email', recipient: 'email', changeRecipientText: 'otp.change-email' },
    labelText: 'method.email-otp',
  },
} as const satisfies Record<LoginMethod, MethodFacts>;

type Row = (typeof ROWS)[LoginMethod];

/** The keys of every method's texts. */
export type MethodTextKey = Row['labelText'] | Extract<Row, { otp: object }>['otp']['changeRecipientText'];

/** Each method's facts, by method. */
export const METHODS: Readonly<Record<LoginMethod, MethodFacts<MethodTextKey>>> = ROWS;
