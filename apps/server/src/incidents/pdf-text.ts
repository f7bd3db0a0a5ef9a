// Reads a PDF back for tests: the page count and the text shown by each content stream. Enough
// for the PDFs pdfkit writes with its standard fonts (Flate streams, hex strings in TJ arrays,
// WinAnsi): a test can assert what a reader would see, without a PDF library.
import { inflateSync } from 'node:zlib';

const winAnsi: Record<number, string> = {
  0x80: '€',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x9b: '›',
};
const decodeByte = (b: number) => winAnsi[b] ?? String.fromCharCode(b);

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streams = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const dict = raw.slice(Math.max(0, raw.lastIndexOf('<<', m.index)), m.index);
    let body = pdf.subarray(start, end);
    if (/FlateDecode/.test(dict)) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const text = body.toString('latin1');
    for (const tj of text.matchAll(/\[(.*?)\]\s*TJ/gs)) {
      const parts = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)].map((p) => {
        if (p[1] !== undefined) return Buffer.from(p[1], 'hex').reduce((s, b) => s + decodeByte(b), '');
        return (p[2] ?? '').replace(/\\(.)/g, '$1');
      });
      out.push(parts.join(''));
    }
    streams.lastIndex = end;
  }
  return out.join('\n');
}
