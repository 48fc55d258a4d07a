import type { DocumentEntity } from '@app/documents';
import { documentPath, safeName } from './archive-tables';

describe('paths inside a file archive', () => {
  it('keeps a name to one path part: no separators, no control characters, no dot-only names', () => {
    expect(safeName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(safeName('C:\\Users\\x.pdf')).toBe('C__Users_x.pdf');
    expect(safeName('a\u0000b\nc.pdf')).toBe('a_b_c.pdf');
    expect(safeName('..')).toBe('_');
    expect(safeName('   ')).toBe('_');
    expect(safeName('Passeport Zoë.pdf')).toBe('Passeport Zoë.pdf');
    expect(safeName('x'.repeat(400))).toHaveLength(150);
  });

  it('files a document by kind, then version and its name as uploaded', () => {
    const document = { kind: 'passport', version: 2, originalName: 'scan/1.pdf' } as DocumentEntity;
    expect(documentPath(document)).toBe('documents/passport/v2-scan_1.pdf');
  });
});
