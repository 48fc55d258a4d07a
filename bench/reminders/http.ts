import { request } from 'node:http';

/**
 * One JSON request with node:http and no client timeout: a policy save re-plans every open deadline before it
 * answers, longer than fetch's 300 s header timeout could allow on a large firm.
 */
export function requestJson<T>(method: string, url: string, body?: unknown, token?: string): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: {
          accept: 'application/json',
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 300) {
            reject(new Error(`${method} ${url} answered ${res.statusCode}: ${text.slice(0, 500)}`));
            return;
          }
          try {
            resolve((text ? JSON.parse(text) : null) as T);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
