import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  amelieAdmin,
  type BrowserHarness,
  describeViolations,
  screenshot,
  seriousViolations,
  signIn,
  startHarness,
  goInApp,
} from './browser';

jest.setTimeout(60_000);

/** A one-page PDF that says `text`, small and valid (Chromium's viewer draws it). */
function onePagePdf(text: string, padding = 0): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  // A long comment line after the header makes the file big enough for the upload to take visible time.
  let body = `%PDF-1.4\n%${'x'.repeat(padding)}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Drops a file onto an element as a browser would: a drop event whose DataTransfer holds the file. */
async function dropFile(page: Page, selector: string, name: string, type: string, content: Buffer) {
  // Runs in the page (a string: this project's TypeScript has no DOM types).
  const dataTransfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(content.toString('base64'))}), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    return transfer;
  })()`);
  await page.locator(selector).dispatchEvent('dragover', { dataTransfer });
  await page.locator(selector).dispatchEvent('drop', { dataTransfer });
}

const PASSPORT_PDF = onePagePdf('Passport of Priya Sharma', 3_000_000);
const PASSPORT_RENEWED_PDF = onePagePdf('Renewed passport of Priya Sharma');
const PNG_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAKklEQVR42mP8z8DAwMDAxMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwAAAR/8CDfL8pW4AAAAASUVORK5CYII=',
  'base64',
);

/** The documents of a file in the staff UI: upload with progress, preview, review, waive, versions, completeness. */
describe('documents on a file (browser)', () => {
  let h: BrowserHarness;
  let page: Page;
  let fileId: string;
  let clientId: string;
  const documentsDir = mkdtempSync(join(tmpdir(), 'pd-docs-ui-'));

  const section = () => page.getByRole('region', { name: 'Documents' });
  const row = (key: string) => section().locator(`[data-item=${key}]`);
  const summary = () => section().getByTestId('checklist-summary');
  const requiredCount = async () => {
    const text =
      (await summary()
        .getByText(/ of \d+ required$/)
        .textContent()) ?? '';
    const [, done, total] = /^(\d+) of (\d+) required$/.exec(text) ?? [];
    return { done: Number(done), total: Number(total) };
  };

  beforeAll(async () => {
    h = await startHarness({ env: { DOCUMENTS_DIR: documentsDir } });
    const admin = await amelieAdmin(h);
    const client = await h.test.given.client({
      firstName: 'Priya',
      lastName: 'Sharma',
      passportNumber: 'Z1234567',
      passportExpiresOn: '2030-02-01',
    });
    // An IMP C43 (post-graduation) file: passport, photos and the PGWP letters are among its required items.
    clientId = client.id;
    fileId = (await h.test.given.file({ clientId: client.id })).id;
    const context = await h.context({ timezoneId: 'America/Toronto' });
    page = await context.newPage();
    await signIn(page, h.baseUrl, admin.user.email);
  });

  afterAll(async () => {
    await h?.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });

  it('uploads a PDF dropped on its checklist line, with progress', async () => {
    await goInApp(page, `/admin/files/${fileId}/show`);
    await row('passport').getByText('Missing').waitFor();
    const before = await requiredCount();
    expect(before.done).toBe(0);
    expect(before.total).toBeGreaterThan(3);

    await dropFile(page, '[data-item=passport]', 'passport.pdf', 'application/pdf', PASSPORT_PDF);
    const dialog = page.getByRole('dialog', { name: 'Upload a document' });
    await dialog.getByText('passport.pdf (3 MB)').waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Checklist item' }).textContent()).toBe('Passport');
    await dialog.getByLabel('Expires on').fill('2031-05-01');
    // Slow the upload down (2 MB/s) so the progress bar is seen moving.
    const cdp = await page.context().newCDPSession(page);
    const throttle = (uploadThroughput: number) =>
      cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput,
      });
    await throttle(2_000_000);
    await dialog.getByRole('button', { name: 'Upload' }).click();
    const bar = dialog.getByRole('progressbar', { name: 'Uploading passport.pdf' });
    await bar.waitFor();
    // The bar moves: it is seen part of the way, before the upload ends.
    let seen = 0;
    while (seen === 0) {
      seen = Number((await bar.getAttribute('aria-valuenow')) ?? 0);
    }
    expect(seen).toBeLessThan(100);
    await screenshot(page, 'documents-upload-progress');
    await dialog.waitFor({ state: 'hidden' });
    await throttle(-1);

    await row('passport').getByText('Awaiting review').waitFor();
    await summary().getByText('1 awaiting review').waitFor();

    // The passport expires later than the client's record says: one click brings the record up to date.
    await page.getByText('The passport uploaded expires on').waitFor();
    await page.getByRole('button', { name: "Update the client's passport expiry" }).click();
    await page.getByText("Client's passport expiry updated").waitFor();
    const [record] = await h.test.dataSource.query<{ passport_expires_on: string }[]>(
      `SELECT to_char(passport_expires_on, 'YYYY-MM-DD') AS passport_expires_on FROM clients WHERE id = $1`,
      [clientId],
    );
    expect(record.passport_expires_on).toBe('2031-05-01');
  });

  it('previews the PDF and an image in the page, without a download', async () => {
    await section().getByRole('button', { name: 'Preview passport.pdf' }).click();
    const preview = page.getByRole('dialog', { name: 'passport.pdf, version 1' });
    await preview.getByTestId('document-preview-pdf').waitFor();
    await page.waitForTimeout(1500); // Chromium's PDF viewer draws the page
    await screenshot(page, 'documents-preview-pdf');
    expect(describeViolations(await seriousViolations(page))).toBe('');
    await preview.getByRole('button', { name: 'Close' }).click();

    await row('photos').getByRole('button', { name: 'Upload a document for “Photos”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upload a document' });
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG_PHOTO });
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row('photos').getByRole('button', { name: 'Preview photo.png' }).click();
    const image = page
      .getByRole('dialog', { name: 'photo.png, version 1' })
      .getByRole('img', { name: 'photo.png' });
    await image.waitFor();
    expect(await image.evaluate((img: { naturalWidth: number }) => img.naturalWidth)).toBe(16);
    await page
      .getByRole('dialog', { name: 'photo.png, version 1' })
      .getByRole('button', { name: 'Close' })
      .click();
  });

  it('accepts one document, rejects another with a reason, waives an item, and the counts follow', async () => {
    const before = await requiredCount();
    await row('passport').getByRole('button', { name: 'Accept “Passport”' }).click();
    await row('passport').getByText('Accepted').waitFor();
    await summary()
      .getByText(`${before.done + 1} of ${before.total} required`)
      .waitFor();

    await row('photos').getByRole('button', { name: 'Reject “Photos”' }).click();
    const reject = page.getByRole('dialog', { name: 'Reject “Photos”' });
    await reject.getByRole('button', { name: 'Reject' }).click();
    await reject.getByText('Give a reason').waitFor();
    await reject.getByLabel('Reason').fill('The background must be plain white');
    await reject.getByRole('button', { name: 'Reject' }).click();
    await reject.waitFor({ state: 'hidden' });
    await row('photos').getByText('Rejected').waitFor();
    await row('photos').getByText('The background must be plain white').waitFor();
    await summary().getByText('1 rejected').waitFor();
    expect(
      await summary()
        .getByText(/awaiting review/)
        .count(),
    ).toBe(0);

    await row('pgwp_transcript')
      .getByRole('button', { name: /^Waive “/ })
      .click();
    const waive = page.getByRole('dialog', { name: /^Waive “/ });
    await waive.getByLabel('Reason').fill('The completion letter lists the courses and grades');
    await waive.getByRole('button', { name: 'Waive' }).click();
    await waive.waitFor({ state: 'hidden' });
    await row('pgwp_transcript').getByText('Waived').waitFor();
    await row('pgwp_transcript').getByText('The completion letter lists the courses and grades').waitFor();
    await summary()
      .getByText(`${before.done + 2} of ${before.total} required`)
      .waitFor();
    await screenshot(page, 'documents-checklist');
    expect(describeViolations(await seriousViolations(page))).toBe('');
  });

  it('keeps the earlier version when the same item is uploaded again', async () => {
    await dropFile(
      page,
      '[data-item=passport]',
      'passport-renewed.pdf',
      'application/pdf',
      PASSPORT_RENEWED_PDF,
    );
    const dialog = page.getByRole('dialog', { name: 'Upload a document' });
    await dialog.getByText(/^passport-renewed\.pdf/).waitFor();
    await dialog.getByRole('button', { name: 'Upload' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row('passport').getByText('Awaiting review').waitFor();
    await row('passport').getByRole('button', { name: 'Versions of “Passport”' }).first().click();
    const versions = page.getByRole('dialog', { name: 'Versions of “Passport”' });
    const rows = versions.getByRole('row');
    await rows.nth(2).waitFor();
    expect(await rows.allTextContents()).toEqual([
      expect.stringMatching(/^Version/),
      expect.stringMatching(/^v2passport-renewed\.pdf.*Awaiting review$/),
      expect.stringMatching(/^v1passport\.pdf.*Accepted$/),
    ]);
    await screenshot(page, 'documents-versions');
    await versions.getByRole('button', { name: 'Close' }).click();
  });

  it('shows the completeness in the files list, and the checklist in French', async () => {
    const { done, total } = await requiredCount();
    await page.getByRole('menuitem', { name: 'Files' }).click();
    await page
      .getByRole('cell', { name: `${done} of ${total} required · 1 awaiting review · 1 rejected` })
      .waitFor();
    await screenshot(page, 'documents-files-list');

    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('cell', { name: `${done} sur ${total} requis · 1 à vérifier · 1 refusé` }).waitFor();
    await page.getByRole('cell', { name: 'Priya Sharma' }).click();
    await row('passport').getByText('À vérifier').waitFor();
    await row('pgwp_transcript').getByText('Dispensé').waitFor();
    await screenshot(page, 'documents-checklist-fr');
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  });

  it('lets an admin add a firm item that then appears on the files of its stream', async () => {
    await page.getByRole('menuitem', { name: 'Checklist items' }).click();
    await page.getByRole('button', { name: 'Add an item' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an item' });
    await dialog.getByRole('combobox', { name: 'Stream' }).click();
    await page.getByRole('option', { name: 'IMP' }).click();
    await dialog.getByLabel('Key').fill('signed_engagement_letter');
    await dialog.getByLabel('Title (English)').fill('Signed engagement letter');
    await dialog.getByLabel('Title (French)').fill('Lettre de mandat signée');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('firm-items')
      .getByRole('cell', { name: 'Signed engagement letter', exact: true })
      .waitFor();
    await screenshot(page, 'documents-firm-items');
    expect(describeViolations(await seriousViolations(page))).toBe('');

    await goInApp(page, `/admin/files/${fileId}/show`);
    await row('signed_engagement_letter').getByText('Firm item').waitFor();
    await row('signed_engagement_letter').getByText('Missing').waitFor();
  });
});
