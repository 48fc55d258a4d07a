import { apiErrorOf } from '@app/api-client';
import { session } from '../session';

/** The attachment's name from Content-Disposition, else `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  return /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
}

function jsonOrNull(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Downloads what `url` answers (a CSV, a ZIP) through a fetch that carries the token in its header, never in a URL,
 * under the name the server gives, else `fallback`. Throws the API's error (with its message) when refused.
 */
export async function download(url: string, fallback: string, accept = '*/*'): Promise<void> {
  const response = await fetch(url, {
    headers: { Accept: accept, Authorization: `Bearer ${session.token ?? ''}` },
  });
  if (!response.ok) {
    throw apiErrorOf(response, jsonOrNull(await response.text()));
  }
  const href = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response, fallback);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
