import MarkdownIt from 'markdown-it';
import { createElement, type ReactNode } from 'react';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

// Raw HTML off; the tokens become React elements (never an HTML string), so the text can inject nothing.
const markdown = new MarkdownIt({ html: false, linkify: false });

const BLOCK_TAGS = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const INLINE_TAGS = new Set(['strong', 'em', 's']);

/** The page has its own h1: the agreement's headings sit one level below it. */
function headingTag(tag: string): string {
  return `h${Math.min(Number(tag.slice(1)) + 1, 6)}`;
}

function inlineChildren(tokens: Token[]): ReactNode[] {
  const root: ReactNode[] = [];
  const stack: { tag: string; children: ReactNode[] }[] = [];
  const current = () => (stack.length > 0 ? stack[stack.length - 1].children : root);
  tokens.forEach((token, i) => {
    const key = `i${i}`;
    if (token.nesting === 1) {
      // Links are shown as their text: the agreement is read here, not browsed from.
      stack.push({ tag: INLINE_TAGS.has(token.tag) ? token.tag : 'span', children: [] });
    } else if (token.nesting === -1) {
      const open = stack.pop();
      if (open) {
        current().push(createElement(open.tag, { key }, ...open.children));
      }
    } else if (token.type === 'softbreak') {
      current().push(' ');
    } else if (token.type === 'hardbreak') {
      current().push(createElement('br', { key }));
    } else if (token.type === 'code_inline') {
      current().push(createElement('code', { key }, token.content));
    } else {
      current().push(token.content);
    }
  });
  return root;
}

function blocks(tokens: Token[]): ReactNode[] {
  const root: ReactNode[] = [];
  const stack: { tag: string; props: Record<string, unknown>; children: ReactNode[] }[] = [];
  const current = () => (stack.length > 0 ? stack[stack.length - 1].children : root);
  tokens.forEach((token, i) => {
    const key = `b${i}`;
    if (token.nesting === 1) {
      const tag = token.tag.startsWith('h') && token.tag.length === 2 ? headingTag(token.tag) : token.tag;
      const start = token.attrGet('start');
      stack.push({
        tag: BLOCK_TAGS.has(tag) || /^h[1-6]$/.test(tag) ? tag : 'div',
        props: { key, ...(tag === 'ol' && start ? { start: Number(start) } : {}) },
        children: [],
      });
    } else if (token.nesting === -1) {
      const open = stack.pop();
      if (open) {
        current().push(createElement(open.tag, open.props, ...open.children));
      }
    } else if (token.type === 'inline') {
      current().push(...inlineChildren(token.children ?? []));
    } else if (token.type === 'hr') {
      current().push(createElement('hr', { key }));
    } else if (token.type === 'fence' || token.type === 'code_block') {
      current().push(createElement('pre', { key }, token.content));
    }
  });
  return root;
}

/** An agreement's Markdown text, rendered for reading. */
export function AgreementText({ text, label }: { text: string; label: string }) {
  return (
    <article className="card agreement-text" aria-label={label} data-testid="agreement-text">
      {blocks(markdown.parse(text, {}))}
    </article>
  );
}
