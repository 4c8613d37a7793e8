/**
 * The one layout of every email, as text and as HTML, from a few kinds of blocks. Dependency-free on
 * purpose: the emails are short, and every value that reaches the HTML goes through escapeHtml here
 * (product names, addresses and tracking numbers come from admins and customers).
 */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  /** A call to action: a button in HTML, the bare URL on its own line in text. */
  | { kind: 'link'; label: string; url: string }
  /** Label/value lines: order lines, totals, tracking. */
  | { kind: 'rows'; rows: ReadonlyArray<readonly [string, string]> };

export interface MailBody {
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only web links become hrefs: a `javascript:` tracking URL typed by an admin stays text. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export function renderBody(heading: string, blocks: readonly MailBlock[]): MailBody {
  return { text: renderText(heading, blocks), html: renderHtml(heading, blocks) };
}

function renderText(heading: string, blocks: readonly MailBlock[]): string {
  const parts = [heading, ...blocks.map(textOf)];
  return `${parts.join('\n\n')}\n`;
}

function textOf(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return block.text;
    case 'link':
      return `${block.label}:\n${block.url}`;
    case 'rows':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
  }
}

function renderHtml(heading: string, blocks: readonly MailBlock[]): string {
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#222">',
    '<div style="max-width:560px;margin:0 auto;background:#fff;padding:24px;border-radius:6px">',
    `<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(heading)}</h1>`,
    ...blocks.map(htmlOf),
    '</div></body></html>',
  ].join('\n');
}

function htmlOf(block: MailBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="line-height:1.5">${escapeHtml(block.text)}</p>`;
    case 'link':
      if (!isWebUrl(block.url)) return `<p>${escapeHtml(block.label)}: ${escapeHtml(block.url)}</p>`;
      return (
        `<p><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 16px;` +
        `background:#222;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(block.label)}</a></p>` +
        `<p style="font-size:12px;color:#666;word-break:break-all">${escapeHtml(block.url)}</p>`
      );
    case 'rows':
      return (
        '<table style="width:100%;border-collapse:collapse">' +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><td style="padding:4px 0">${escapeHtml(label)}</td>` +
              `<td style="padding:4px 0;text-align:right">${escapeHtml(value)}</td></tr>`,
          )
          .join('') +
        '</table>'
      );
  }
}

/** `2026-12-02 08:30 UTC`: an expiry a person reads. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
