/** The text that replaces a secret. */
export const REDACTED = '[redacted]';

/**
 * Every form in which the client itself may have sent a secret: as it is, form-encoded
 * (`application/x-www-form-urlencoded`: `+` for space, `%2B%2F%3D`), percent-encoded (as in
 * a URL or a non-ASCII password), and base64 (Basic credentials are `user:password` in
 * base64; the provider lists that whole value too). A vendor that echoes a request back
 * must not leak any of them.
 */
function encodingsOf(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret).toString('base64'),
  ]);
  // Percent-escapes in lower case, as some servers echo them.
  for (const form of [...forms])
    if (form.includes('%')) forms.add(form.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()));
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Replaces every occurrence of every known secret, in every encoding the client produces,
 * in a string. Secrets shorter than four characters are ignored (they would shred ordinary
 * text and protect nothing).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of encodingsOf(secret)) if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  // Authorization headers that slipped into a message, whatever their value.
  return out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`);
}
