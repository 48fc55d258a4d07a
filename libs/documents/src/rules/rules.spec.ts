import { requestedRange } from './byte-ranges';
import { attachmentDisposition, displayFileName, downloadFileName } from './file-names';

describe('display file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Passport scan.pdf', 'Passport scan.pdf'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'],
    ['  line\nbreak\t.pdf ', 'line break .pdf'],
    ['...', 'document'],
    [undefined, 'document'],
    ['Été 2026 — passeport.pdf', 'Été 2026 — passeport.pdf'],
  ])('%j shows as %j', (raw, shown) => {
    expect(displayFileName(raw)).toBe(shown);
  });

  it('keeps the extension when it cuts a long name', () => {
    const name = displayFileName(`${'a'.repeat(400)}.pdf`);
    expect(name).toHaveLength(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('gives downloads the sniffed type extension', () => {
    expect(downloadFileName('passport.pdf', 'application/pdf')).toBe('passport.pdf');
    expect(downloadFileName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(downloadFileName('passport.exe', 'application/pdf')).toBe('passport.exe.pdf');
  });

  it('writes an RFC 5987 Content-Disposition that no name breaks out of', () => {
    expect(attachmentDisposition('Passeport "Zoë"; x.pdf')).toBe(
      `attachment; filename="Passeport _Zo___ x.pdf"; filename*=UTF-8''Passeport%20%22Zo%C3%AB%22%3B%20x.pdf`,
    );
  });
});

describe('requested byte ranges', () => {
  it.each([
    [undefined, null],
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=900-', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=500-5000', { start: 500, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=5-1', 'unsatisfiable'],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
  ])('%j of 1000 bytes is %j', (header, range) => {
    expect(requestedRange(header, 1000)).toEqual(range);
  });
});
