import { z } from 'zod';

/** Longest id orgport accepts; vendor ids are far shorter. */
export const MAX_ID_LENGTH = 256;

// Characters that would change the meaning of a URL if an id ever reached one unencoded,
// plus control characters and whitespace, which no vendor uses in ids.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
const FORBIDDEN_ID_CHARACTERS = /[/?#\\\s\u0000-\u001f\u007f]/u;

/**
 * An opaque identifier: 1–256 characters, no `/ ? # \`, whitespace or control characters,
 * and not `.` or `..`. Unicode is allowed (ids are always percent-encoded in paths).
 */
export const IdSchema = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(MAX_ID_LENGTH, { error: `must be at most ${MAX_ID_LENGTH} characters` })
  .refine((value) => !FORBIDDEN_ID_CHARACTERS.test(value), {
    error: 'must not contain "/", "?", "#", "\\", whitespace or control characters',
  })
  .refine((value) => value !== '.' && value !== '..', { error: 'must not be "." or ".."' });

/** An opaque identifier; see {@link IdSchema}. */
export type Id = z.infer<typeof IdSchema>;

/** An email address, validated the way the facade validates inputs. */
export const EmailSchema = z.email({ error: 'must be a valid email address' }).max(320);
