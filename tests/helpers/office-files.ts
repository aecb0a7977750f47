import { strToU8, zipSync, type Zippable } from 'fflate';

/** Minimal but valid office files built in memory (what Word and LibreOffice write, reduced to the text parts). */

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A .docx whose paragraphs are `paragraphs`; each is split into two runs, as Word does around edits. */
export function docxWith(paragraphs: string[]): Buffer {
  const body = paragraphs
    .map((p) => {
      const mid = Math.floor(p.length / 2);
      return `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p.slice(0, mid))}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${xmlEscape(p.slice(mid))}</w:t></w:r></w:p>`;
    })
    .join('');
  const files: Zippable = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** An .odt: its `mimetype` entry comes first and stored, as the OpenDocument standard asks. */
export function odtWith(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<text:p text:style-name="P1">${xmlEscape(p).replace(/ /g, '<text:s/>')}</text:p>`).join('');
  const files: Zippable = {
    mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
    'content.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${body}</office:text></office:body></office:document-content>`),
    'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'),
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** A .docx whose document.xml inflates to `bytes` of XML (a "zip bomb" of empty elements after some text). */
export function docxBomb(bytes: number): Buffer {
  const head = '<?xml version="1.0"?><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Début lisible</w:t></w:r></w:p>';
  // Empty elements: they inflate to XML but add no text, so only the XML cap stops them.
  const padding = new Uint8Array(bytes);
  const unit = strToU8('<w:proofErr/>');
  for (let i = 0; i < bytes; i += unit.length) padding.set(unit.subarray(0, Math.min(unit.length, bytes - i)), i);
  padding.set(strToU8(head));
  return Buffer.from(zipSync({ 'word/document.xml': [padding, { level: 9 }] }));
}
