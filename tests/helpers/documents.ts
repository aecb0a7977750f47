import { randomBytes } from 'node:crypto';
import PDFDocument from 'pdfkit';

export interface FilePart {
  name: string;
  filename: string;
  contentType?: string;
  data: Buffer;
}
export interface FieldPart {
  name: string;
  value: string;
}

/** A multipart/form-data body (fields first, as the api expects metadata before the file). */
export function multipart(parts: (FilePart | FieldPart)[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----ep${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`, 'utf8'));
    } else {
      const filename = p.filename.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${filename}"\r\nContent-Type: ${p.contentType ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'));
      chunks.push(p.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** An upload form: `meta` JSON then the file. */
export function uploadForm(meta: Record<string, unknown> | null, file: { filename: string; data: Buffer; contentType?: string }) {
  return multipart([...(meta ? [{ name: 'meta', value: JSON.stringify(meta) }] : []), { name: 'file', ...file }]);
}

/** A real PDF whose pages carry `lines` of text (pdfkit). */
export function pdfWith(lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', info: { Title: lines[0] ?? 'Test' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const line of lines) doc.text(line);
    doc.end();
  });
}

/** A 1×1 PNG. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** The start of a Windows executable (MZ header and PE signature). */
export const EXE_HEADER = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21', 'hex'), Buffer.alloc(64), Buffer.from('PE\0\0L\u0001', 'latin1'), Buffer.alloc(512)]);
