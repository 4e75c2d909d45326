/** `snake_case` as `camelCase`, at the type level. */
type Camel<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : S;

/** An object's keys in camelCase, with their optionality kept. */
export type CamelKeys<T> = { [K in keyof T as Camel<K & string>]: T[K] };

/** A validated request body's snake_case fields as the repositories' camelCase changes. */
export function camelKeys<T extends object>(body: T): CamelKeys<T> {
  const entries = Object.entries(body).map(([key, value]) => [
    key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
    value,
  ]);
  return Object.fromEntries(entries) as CamelKeys<T>;
}
