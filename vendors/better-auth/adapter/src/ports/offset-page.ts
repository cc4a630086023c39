import { offsetCursor } from '@orgport/core/driver';

/** The page a list call asks for: its number, offset and size (clamped to 1–1000). */
export function pageOf(cursor: string | undefined, requested: number | undefined, fallback: number) {
  const size = Math.min(1000, Math.max(1, requested ?? fallback));
  const page = offsetCursor.decode(cursor);
  return { page, size, offset: page * size };
}
