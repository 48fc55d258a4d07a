import pino from 'pino';
import { humanLine, humanReadableStream, logOptions } from './logging';

describe('human-readable log lines (development)', () => {
  const at = new Date(2026, 11, 4, 14, 3, 7).getTime();

  it('writes one line per message: time, level, context and text, no JSON', () => {
    const line = humanLine(
      JSON.stringify({
        level: 40,
        time: at,
        pid: 1,
        hostname: 'h',
        context: 'MailTransport',
        msg: 'Email not sent',
      }),
    );
    expect(line).toBe('14:03:07 WARN  [MailTransport] Email not sent\n');
  });

  it('writes a request as method, path, status and duration', () => {
    const line = humanLine(
      JSON.stringify({
        level: 30,
        time: at,
        req: { id: 'x', method: 'GET', url: '/api/clients' },
        res: { statusCode: 200 },
        responseTime: 12,
        msg: 'request completed',
      }),
    );
    expect(line).toBe('14:03:07 INFO  GET /api/clients 200 12ms\n');
  });

  it("adds an error's type and message, on the same line", () => {
    const line = humanLine(
      JSON.stringify({
        level: 50,
        time: at,
        msg: 'Job failed',
        err: { type: 'Error', message: 'boom\nsecond line', stack: 'Error: boom\n at x' },
      }),
    );
    expect(line).toBe('14:03:07 ERROR Job failed (Error: boom second line)\n');
    expect(line.split('\n')).toHaveLength(2);
  });

  it('passes a line that is not JSON through', () => {
    expect(humanLine('plain text')).toBe('plain text\n');
  });

  it('keeps redaction and the level when pino writes through it', () => {
    const out: string[] = [];
    const logger = pino(logOptions('warn'), humanReadableStream({ write: (text: string) => out.push(text) }));
    logger.info('hidden at warn');
    logger.warn({ password: 'hunter2' }, 'visible');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}visible\n$/);
    expect(out.join('')).not.toContain('hunter2');
  });
});
