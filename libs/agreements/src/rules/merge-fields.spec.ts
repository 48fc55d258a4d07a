import {
  comparableName,
  escapeMarkdown,
  MERGE_FIELDS,
  mergeTemplate,
  typedNameMatches,
  unknownMergeFields,
  type MergeValues,
} from './merge-fields';
import { DEFAULT_TEMPLATE } from './default-template';

const values = (overrides: Partial<MergeValues> = {}): MergeValues => ({
  ...(Object.fromEntries(MERGE_FIELDS.map((field) => [field, `<${field}>`])) as MergeValues),
  ...overrides,
});

describe('unknownMergeFields', () => {
  it('names each unknown field once, in order, and accepts every known one', () => {
    const body =
      'Hi {{client.fullName}} {{ client.nickname }} {{fees.total}} {{client.nickname}} {{file.number}}';
    expect(unknownMergeFields(body)).toEqual(['client.nickname', 'fees.total']);
    expect(unknownMergeFields(MERGE_FIELDS.map((f) => `{{${f}}}`).join(' '))).toEqual([]);
  });

  it('finds none in the shipped templates', () => {
    expect(unknownMergeFields(DEFAULT_TEMPLATE.en)).toEqual([]);
    expect(unknownMergeFields(DEFAULT_TEMPLATE.fr)).toEqual([]);
  });
});

describe('mergeTemplate', () => {
  it('replaces fields, tolerating spaces inside the braces', () => {
    const merged = mergeTemplate(
      'Client: {{client.fullName}}; file {{ file.number }}',
      values({ 'client.fullName': 'Amélie Tremblay', 'file.number': 'WP-2026-00042' }),
      'en',
    );
    expect(merged).toBe('Client: Amélie Tremblay; file WP-2026-00042');
  });

  it('writes a missing value as not recorded, in the agreement’s language', () => {
    expect(mergeTemplate('{{client.phone}}', values({ 'client.phone': null }), 'en')).toBe('[not recorded]');
    expect(mergeTemplate('{{client.phone}}', values({ 'client.phone': '  ' }), 'fr')).toBe('[non consigné]');
  });

  it('keeps values from adding Markdown: escaped, on one line', () => {
    const merged = mergeTemplate(
      '{{client.address}}',
      values({ 'client.address': '# 12 [Main](http://x) St\n*Apt* 4' }),
      'en',
    );
    expect(merged).toBe('\\# 12 \\[Main\\](http://x) St, \\*Apt\\* 4');
    expect(escapeMarkdown('a_b <script>')).toBe('a\\_b \\<script\\>');
  });

  it('keeps the lines and list items of the terms staff write, escaping the rest', () => {
    const merged = mergeTemplate(
      '{{services.description}}',
      values({ 'services.description': '- Prepare the **application**\n* Submit it\n\nThen [follow up]' }),
      'en',
    );
    expect(merged).toBe('- Prepare the \\*\\*application\\*\\*\n- Submit it\n\nThen \\[follow up\\]');
  });
});

describe('typedNameMatches', () => {
  it('matches regardless of case, accents and spacing', () => {
    expect(typedNameMatches('  amelie   TREMBLAY ', 'Amélie Tremblay')).toBe(true);
    expect(typedNameMatches('Zoë O’Brien', "zoe o'brien")).toBe(true);
    expect(comparableName('François-Xavier')).toBe('francois-xavier');
  });

  it('refuses another name, part of the name, or nothing', () => {
    expect(typedNameMatches('Amelie', 'Amélie Tremblay')).toBe(false);
    expect(typedNameMatches('Amelie Tremblai', 'Amélie Tremblay')).toBe(false);
    expect(typedNameMatches('', '')).toBe(false);
  });
});
