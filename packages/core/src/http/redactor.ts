/** The text that replaces a secret. */
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of every known secret in a string. Secrets shorter than four
 * characters are ignored (they would shred ordinary text and protect nothing).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  // Authorization headers that slipped into a message, whatever their value.
  return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
}
