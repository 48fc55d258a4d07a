import { LOGO_MAX_BYTES, logoContentType, logoProblem } from './logo';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('logo rules', () => {
  it('knows PNG and JPEG by their first bytes', () => {
    expect(logoContentType(png)).toBe('image/png');
    expect(logoContentType(jpeg)).toBe('image/jpeg');
    expect(logoContentType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(logoContentType(new TextEncoder().encode('GIF89a...'))).toBeNull();
  });

  it('refuses empty, too large and other images', () => {
    expect(logoProblem(png)).toBeNull();
    expect(logoProblem(new Uint8Array())).toMatch(/empty/);
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png);
    expect(logoProblem(big)).toBe('logo must be at most 200 KB');
    expect(logoProblem(new TextEncoder().encode('<svg/>'))).toMatch(/PNG or JPEG/);
  });
});
