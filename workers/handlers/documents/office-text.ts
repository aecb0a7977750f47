import { Inflate } from 'fflate';
import type { Readable } from 'node:stream';
import type { ByteRange } from '../../../storage';

/**
 * Text of Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods,
 * odp) files: ZIP archives of XML. The archive is read by ranges (its
 * central directory, then only the entries that hold text), never whole, so
 * pictures inside are not even read; each entry is inflated by fflate in
 * small slices while the bytes it produces are counted: a "zip bomb" stops at
 * OFFICE_XML_MAX_BYTES of XML, whatever its entries claim. Zip64 and
 * encrypted archives are not read (office files that large are rare; their
 * title, description and tags stay searchable).
 */

/** XML inflated per file, all entries together: a 100-page report is 1–3 MB of XML, far more text than SEARCH_TEXT_CHARS. */
export const OFFICE_XML_MAX_BYTES = 16 * 1024 * 1024;
/** A central directory larger than this is not an office file worth reading. */
const CENTRAL_DIRECTORY_MAX_BYTES = 4 * 1024 * 1024;
/** Compressed bytes handed to the inflater at once: one slice inflates to at most ~1,000 times its size. */
const INFLATE_SLICE = 4096;

/** The entries that hold a document's text, in reading order. */
const TEXT_ENTRIES: [RegExp, number][] = [
  [/^content\.xml$/, 0], // OpenDocument
  [/^word\/document\.xml$/, 0],
  [/^word\/(footnotes|endnotes)\.xml$/, 1],
  [/^word\/(header|footer)\d*\.xml$/, 2],
  [/^xl\/sharedStrings\.xml$/, 0],
  [/^ppt\/slides\/slide\d+\.xml$/, 0],
  [/^ppt\/notesSlides\/notesSlide\d+\.xml$/, 1],
];

export interface OfficeSource {
  size: number;
  get(range: ByteRange): Promise<Readable>;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
  rank: number;
}

class NotReadable extends Error {}

async function readRange(source: OfficeSource, start: number, length: number): Promise<Buffer> {
  if (length <= 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const c of await source.get({ start, end: start + length - 1 })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The archive's entries that hold text (from its central directory). */
async function textEntries(source: OfficeSource): Promise<Entry[]> {
  const tailLength = Math.min(source.size, 22 + 0xffff);
  const tail = await readRange(source, source.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotReadable('no end of central directory');
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || cdSize > CENTRAL_DIRECTORY_MAX_BYTES || cdOffset + cdSize > source.size) throw new NotReadable('zip64 or bad central directory');
  const cd = await readRange(source, cdOffset, cdSize);
  const entries: Entry[] = [];
  for (let i = 0; i + 46 <= cd.length && cd.readUInt32LE(i) === 0x02014b50;) {
    const flags = cd.readUInt16LE(i + 8);
    const nameLength = cd.readUInt16LE(i + 28);
    const name = cd.subarray(i + 46, i + 46 + nameLength).toString('utf8');
    const match = TEXT_ENTRIES.find(([re]) => re.test(name));
    if (match && !(flags & 1)) {
      entries.push({ name, method: cd.readUInt16LE(i + 10), compressedSize: cd.readUInt32LE(i + 20), localOffset: cd.readUInt32LE(i + 42), rank: match[1] });
    }
    i += 46 + nameLength + cd.readUInt16LE(i + 30) + cd.readUInt16LE(i + 32);
  }
  // Body first, then notes, then headers; slides in their number order (slide10 after slide2).
  return entries.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/**
 * Turns streamed XML into text: paragraph, cell and line-break elements
 * become separators, every other tag disappears without one (Word splits
 * a word across runs: `<w:t>Ran</w:t></w:r><w:r><w:t>donnée</w:t>`).
 */
export class XmlText {
  private carry = '';
  private readonly decoder = new TextDecoder('utf-8');
  text = '';

  push(bytes: Uint8Array, final = false): void {
    const s = this.carry + this.decoder.decode(bytes, { stream: !final });
    const cut = final ? s.length : s.lastIndexOf('<') > s.lastIndexOf('>') ? s.lastIndexOf('<') : s.length;
    this.carry = s.slice(cut);
    const chunk = s.slice(0, cut);
    this.text += decodeEntities(
      chunk
        .replace(/<(w:tab|w:br|w:cr|text:tab|text:s|text:line-break|a:br)\b[^>]*\/?>/g, ' ')
        .replace(/<\/(w:p|a:p|text:p|text:h|si|w:tc|table:table-cell|text:list-item)>/g, '\n')
        .replace(/<(w:instrText)\b[^>]*>[^<]*<\/\1>/g, '')
        .replace(/<[^>]*>/g, ''),
    );
  }
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()]!;
  });
}

/** fflate throws on damaged data: that archive is not readable, the job goes on. */
function inflate(inflater: Inflate, data: Uint8Array, final: boolean): void {
  try {
    inflater.push(data, final);
  } catch (err) {
    throw new NotReadable(`inflate: ${(err as Error).message}`);
  }
}

/** Inflates (or copies) one entry into `out`, counting what it produces against `budget`; returns the bytes produced. */
async function readEntry(source: OfficeSource, entry: Entry, out: XmlText, budget: number, done: () => boolean): Promise<number> {
  const local = await readRange(source, entry.localOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new NotReadable(`bad local header ${entry.name}`);
  const dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return 0;
  if (entry.method !== 0 && entry.method !== 8) throw new NotReadable(`compression ${entry.method}`);
  const stream = await source.get({ start: dataStart, end: dataStart + entry.compressedSize - 1 });
  let produced = 0;
  let over = false;
  const take = (data: Uint8Array) => {
    produced += data.length;
    if (produced > budget) over = true;
    else out.push(data);
  };
  const inflater = entry.method === 8 ? new Inflate((data) => take(data)) : null;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      for (let i = 0; i < buf.length && !over && !done(); i += INFLATE_SLICE) {
        const slice = buf.subarray(i, i + INFLATE_SLICE);
        if (inflater) inflate(inflater, slice, false);
        else take(slice);
      }
      if (over || done()) break;
    }
    if (inflater && !over && !done()) inflate(inflater, new Uint8Array(0), true);
  } finally {
    stream.destroy();
  }
  out.push(new Uint8Array(0), true);
  if (over) throw new NotReadable('uncompressed size over the cap');
  return produced;
}

/**
 * The text of an office or OpenDocument file, at most `maxChars` characters,
 * or null when the archive cannot be read (damaged, zip64, encrypted, or
 * expanding past OFFICE_XML_MAX_BYTES: a zip bomb yields the text read so far).
 */
export async function officeText(source: OfficeSource, maxChars: number): Promise<{ text: string; truncated: boolean } | null> {
  let entries: Entry[];
  try {
    entries = await textEntries(source);
  } catch (err) {
    if (err instanceof NotReadable) return null;
    throw err;
  }
  let text = '';
  let budget = OFFICE_XML_MAX_BYTES;
  let truncated = false;
  for (const entry of entries) {
    const xml = new XmlText();
    try {
      budget -= await readEntry(source, entry, xml, budget, () => text.length + xml.text.length > maxChars);
    } catch (err) {
      if (!(err instanceof NotReadable)) throw err;
      text += xml.text;
      truncated = true;
      break;
    }
    const full = text.length + xml.text.length > maxChars; // checked before spaces are folded
    text += xml.text.replace(/[ \t]+/g, ' ').replace(/\n\s*\n+/g, '\n') + '\n';
    if (full || text.length > maxChars) {
      truncated = true;
      break;
    }
  }
  if (!entries.length && !text) return null;
  return { text: text.slice(0, maxChars), truncated };
}
