import { session } from '../session';

/**
 * Downloads a CSV report through a fetch that carries the token in its header (never in a URL), under the name
 * the server gives, else `fallback`. Resolves false when the server refused.
 */
export async function downloadCsv(url: string, fallback: string): Promise<boolean> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${session.token ?? ''}` } });
  if (!response.ok) {
    return false;
  }
  const name =
    /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.click();
  URL.revokeObjectURL(href);
  return true;
}
