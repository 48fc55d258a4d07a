import { readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApiDocumentOffline, serializeOpenApiDocument } from './openapi-document';

/** Where the committed document lives; the API client is generated from it. */
const DOCUMENT_PATH = 'libs/api-client/openapi.json';

/**
 * `npm run openapi` writes libs/api-client/openapi.json; `npm run openapi:check` (`--check`) writes nothing
 * and fails when the committed document differs from what the code produces.
 */
async function main(): Promise<void> {
  const text = serializeOpenApiDocument(await buildOpenApiDocumentOffline());
  if (!process.argv.includes('--check')) {
    writeFileSync(DOCUMENT_PATH, text);
    process.stdout.write(`wrote ${DOCUMENT_PATH}\n`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(DOCUMENT_PATH, 'utf8');
  } catch {
    // A missing document is as stale as an old one.
  }
  if (committed !== text) {
    process.stderr.write(`${DOCUMENT_PATH} is stale: run npm run openapi\n`);
    process.exit(1);
  }
  process.stdout.write(`${DOCUMENT_PATH} is up to date\n`);
}

void main();
