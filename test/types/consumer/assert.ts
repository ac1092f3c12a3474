// Compile-time assertions: `Expect<Equal<A, B>>` fails to type-check unless A and B are the same type.
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export type Expect<T extends true> = T;
/**
 * `exactly<TokenSet>()(event.detail)` type-checks only when the value's type is exactly `TokenSet`
 * (not `any`): for template expressions, where no type alias can be written.
 */
export const exactly =
  <Expected>() =>
  <Value>(value: Value & (Equal<Value, Expected> extends true ? unknown : never)): Value =>
    value;
