/**
 * How long `remaining` operations take at `ratePerSecond`: `ETA 3m20s`, `ETA 2h05m`;
 * empty when nothing remains, and `ETA unknown` while nothing is moving.
 */
export function formatEta(remaining: number, ratePerSecond: number): string {
  if (remaining <= 0) return '';
  if (!(ratePerSecond > 0)) return 'ETA unknown';
  const seconds = Math.ceil(remaining / ratePerSecond);
  if (seconds < 60) return `ETA ${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `ETA ${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `ETA ${hours}h${String(minutes % 60).padStart(2, '0')}m`;
  return `ETA ${Math.round(hours / 24)}d`;
}
