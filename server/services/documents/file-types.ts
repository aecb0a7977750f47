/**
 * Which files the library accepts. A file is accepted when its extension is
 * listed AND its content agrees: binary formats are recognised by their
 * signature (file-type), text formats must have none, be valid UTF-8 and not
 * look like markup a browser would run. Executables, HTML and SVG are refused
 * by both tests.
 */
export interface FileRule {
  /** The media type stored and served. */
  mediaType: string;
  /** What file-type may report for such a file (undefined: a text format, no signature). */
  detected: readonly string[] | 'text';
  /** Shown in the browser (with a sandboxing CSP) rather than downloaded. */
  inline: boolean;
  /**
   * Text is extracted for search by a worker job: PDF, CSV, TXT, and the XML
   * formats of office files (docx, xlsx, pptx, odt, ods, odp). Legacy binary
   * Office files (.doc, .xls, .ppt) are found by title, description and tags.
   */
  extractable: boolean;
  /** A raster image: a thumbnail is made. */
  image: boolean;
}

const ZIP = 'application/zip';
const CFB = 'application/x-cfb'; // legacy Office files: one container format for .doc, .xls, .ppt
const OOXML = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const ODF = {
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

const rule = (mediaType: string, detected: readonly string[] | 'text', extra: Partial<FileRule> = {}): FileRule => ({
  mediaType, detected, inline: false, extractable: false, image: false, ...extra,
});

/**
 * Office Open XML files are ZIP archives; file-type names them only when the
 * entry that says so lies within the bytes it was given (the first 64 KiB
 * here), which some producers do not guarantee. Reported as plain ZIP they
 * are still accepted under their own extension: ZIP is an accepted type anyway.
 */
export const FILE_RULES: Record<string, FileRule> = {
  pdf: rule('application/pdf', ['application/pdf'], { inline: true, extractable: true }),
  jpg: rule('image/jpeg', ['image/jpeg'], { inline: true, image: true }),
  jpeg: rule('image/jpeg', ['image/jpeg'], { inline: true, image: true }),
  png: rule('image/png', ['image/png'], { inline: true, image: true }),
  webp: rule('image/webp', ['image/webp'], { inline: true, image: true }),
  docx: rule(OOXML.docx, [OOXML.docx, ZIP], { extractable: true }),
  xlsx: rule(OOXML.xlsx, [OOXML.xlsx, ZIP], { extractable: true }),
  pptx: rule(OOXML.pptx, [OOXML.pptx, ZIP], { extractable: true }),
  odt: rule(ODF.odt, [ODF.odt, ZIP], { extractable: true }),
  ods: rule(ODF.ods, [ODF.ods, ZIP], { extractable: true }),
  odp: rule(ODF.odp, [ODF.odp, ZIP], { extractable: true }),
  doc: rule('application/msword', [CFB, 'application/msword']),
  xls: rule('application/vnd.ms-excel', [CFB, 'application/vnd.ms-excel']),
  ppt: rule('application/vnd.ms-powerpoint', [CFB, 'application/vnd.ms-powerpoint']),
  zip: rule(ZIP, [ZIP, ...Object.values(OOXML), ...Object.values(ODF)]),
  csv: rule('text/csv', 'text', { extractable: true }),
  txt: rule('text/plain', 'text', { extractable: true }),
};

/** Extensions offered in the upload dialog (and listed in refusals). */
export const ACCEPTED_EXTENSIONS = Object.keys(FILE_RULES);

/** Bytes given to the content check. */
export const SNIFF_BYTES = 64 * 1024;

export type FileRefusal = 'typeNotAllowed' | 'typeMismatch' | 'textNotUtf8' | 'empty';

/** Markup a browser would render or run, at the start of a "text" file. */
const MARKUP = /^\uFEFF?\s*(<!doctype\s+html|<html|<head|<body|<svg|<\?xml|<script|<iframe|<object|<embed)/i;

/**
 * A name from an upload, made safe to keep: the last path segment only,
 * Unicode NFC, no control or bidirectional-override characters, at most 200
 * characters (keeping the extension). Never used to name a stored object.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  let name = base.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  name = name.replace(/^\.+/, '').trim();
  if (name.length > 200) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 200 - ext.length) + ext;
  }
  return name || 'document';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The rule for a file name, or null when its extension is not accepted. */
export function ruleFor(name: string): FileRule | null {
  return Object.hasOwn(FILE_RULES, extensionOf(name)) ? FILE_RULES[extensionOf(name)]! : null;
}

/** Whether the first bytes agree with the rule (`detected`: what file-type reported for them). */
export function contentAgrees(rule: FileRule, detected: string | undefined, head: Buffer): FileRefusal | null {
  if (head.length === 0) return 'empty';
  if (rule.detected === 'text') {
    if (detected !== undefined) return 'typeMismatch';
    if (MARKUP.test(head.subarray(0, 1024).toString('utf8'))) return 'typeMismatch';
    return null;
  }
  return detected !== undefined && rule.detected.includes(detected) ? null : 'typeMismatch';
}
