import { z } from 'zod';

/** An optional query parameter where an empty value (`?actor=`) means "not given". */
export function optionalParam<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}
