import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { SessionDocument } from '../../../db/queries/trainings/documents';
import type { RegistrationRow } from '../../../db/queries/trainings/registrations';
import { feedCalendar, sessionCalendar, type CalendarSession } from '../../../common/calendar';
import { placeLine } from '../../../common/places';
import { csvDocument } from '../../../common/csv';
import { ACTIVE_REGISTRATION_STATUSES } from '../../../common/trainings';
export { csvCell } from '../../../common/csv';

/**
 * Files of the trainings feature: registrant list (CSV for a French
 * spreadsheet), signature sheet and attendance certificate (PDF, pdfkit),
 * calendars (.ics).
 */

const OFFICE_NAME = 'Office de Tourisme Intercommunautaire Sud Cévennes';
const tz = 'Europe/Paris';
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: tz });
const longDate = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: tz });
const hour = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: tz });

// ---------- CSV ----------

const statusLabels: Record<string, string> = {
  confirmed: 'Confirmé', offered: 'Place proposée', waiting: 'Liste d’attente', cancelled: 'Annulé', declined: 'Refusé', expired: 'Proposition expirée',
};
const attendanceLabels: Record<string, string> = { present: 'Présent', absent: 'Absent' };

/** `;`-separated, UTF-8 with BOM, CRLF: opens cleanly in Excel and LibreOffice set to French. */
export function registrantsCsv(rows: RegistrationRow[]): string {
  const header = ['Nom', 'E-mail', 'Établissement', 'Commune', 'Statut', 'Position', 'Présence', 'Inscrit le'];
  const lines = rows
    .filter((r) => (ACTIVE_REGISTRATION_STATUSES as readonly string[]).includes(r.status))
    .map((r) => [
      r.userName, r.userEmail, r.establishmentName, r.establishmentCommune, statusLabels[r.status] ?? r.status,
      r.position === null ? '' : Number(r.position), r.attendance ? attendanceLabels[r.attendance] : '', dateTime.format(r.createdAt),
    ]);
  return csvDocument([header, ...lines]);
}

// ---------- PDF ----------

/**
 * DejaVu Sans, embedded (pdfkit keeps only the glyphs a document uses): the
 * PDF standard fonts stop at Windows-1252, and participants are also called
 * Łukasz, Zoltán Erdős or Ioana Bălan.
 */
const fontFiles = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' } as const;
let fonts: [string, Buffer][] | null = null;
function newPdf(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const require = createRequire(import.meta.url);
  fonts ??= Object.entries(fontFiles).map(([name, file]) => [name, readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))]);
  const pdf = new PDFDocument(options);
  for (const [name, data] of fonts) pdf.registerFont(name, data);
  return pdf.font('regular');
}

/** Text as typed on a Mac may carry decomposed accents (e + ◌́): composed, they print as one glyph. */
export function pdfText(s: string): string {
  return s.normalize('NFC');
}

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

function slotLabel(s: { startsAt: Date; endsAt: Date }) {
  return `${longDate.format(s.startsAt)}, ${hour.format(s.startsAt)} – ${hour.format(s.endsAt)}`;
}

function durationLabel(minutes: number) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h${m ? ` ${String(m).padStart(2, '0')}` : ''}` : `${m} min`;
}

/** Feuille d'émargement: one line per confirmed participant, one signature box per time slot. */
export async function signatureSheetPdf(doc: SessionDocument, rows: RegistrationRow[]): Promise<Buffer> {
  const people = rows.filter((r) => r.status === 'confirmed').sort((a, b) => a.userName.localeCompare(b.userName, 'fr'));
  const slotCount = Math.max(1, doc.slots.length);
  const landscape = slotCount > 2;
  const pdf = newPdf({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 36, info: { Title: pdfText(`Feuille d'émargement — ${doc.title}`), Author: OFFICE_NAME } });
  const left = 36;
  const width = pdf.page.width - 72;
  const numW = 24;
  const nameW = Math.min(180, width * 0.3);
  const estW = Math.min(170, width * 0.28);
  const sigW = (width - numW - nameW - estW) / slotCount;
  const rowH = 34;

  const header = () => {
    pdf.font('bold').fontSize(16).fillColor('#1f4029').text(pdfText('Feuille d’émargement'), left, 36);
    pdf.font('bold').fontSize(12).fillColor('#000').text(pdfText(doc.title), { width });
    pdf.font('regular').fontSize(9.5);
    for (const s of doc.slots) pdf.text(pdfText(`Créneau : ${slotLabel(s)}`), { width });
    pdf.text(pdfText(`Lieu : ${doc.placeKind === 'online' ? 'en ligne' : placeLine(doc.place)}`), { width });
    if (doc.trainer) pdf.text(pdfText(`Formateur / formatrice : ${doc.trainer}`), { width });
    pdf.text(pdfText(`Participants confirmés : ${people.length}`), { width });
    pdf.moveDown(0.6);
    const y = pdf.y;
    pdf.font('bold').fontSize(9);
    pdf.rect(left, y, width, 20).fillAndStroke('#e8f0ea', '#555');
    pdf.fillColor('#000');
    pdf.text('N°', left + 4, y + 6, { width: numW - 6 });
    pdf.text('Nom', left + numW + 4, y + 6, { width: nameW - 8 });
    pdf.text(pdfText('Établissement'), left + numW + nameW + 4, y + 6, { width: estW - 8 });
    doc.slots.forEach((s, i) => {
      pdf.text(pdfText(`Signature ${doc.slots.length > 1 ? `${new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', timeZone: tz }).format(s.startsAt)} ${hour.format(s.startsAt)}` : ''}`), left + numW + nameW + estW + i * sigW + 4, y + 6, { width: sigW - 8 });
    });
    pdf.y = y + 20;
  };

  header();
  people.forEach((p, i) => {
    if (pdf.y + rowH > pdf.page.height - 50) {
      pdf.addPage();
      header();
    }
    const y = pdf.y;
    pdf.lineWidth(0.5).strokeColor('#555');
    pdf.rect(left, y, numW, rowH).stroke();
    pdf.rect(left + numW, y, nameW, rowH).stroke();
    pdf.rect(left + numW + nameW, y, estW, rowH).stroke();
    for (let k = 0; k < slotCount; k++) pdf.rect(left + numW + nameW + estW + k * sigW, y, sigW, rowH).stroke();
    pdf.font('regular').fontSize(9.5).fillColor('#000');
    pdf.text(String(i + 1), left + 4, y + 6, { width: numW - 6 });
    pdf.text(pdfText(p.userName), left + numW + 4, y + 6, { width: nameW - 8, height: rowH - 8, ellipsis: true });
    pdf.fontSize(8.5).text(pdfText(p.establishmentName ?? ''), left + numW + nameW + 4, y + 6, { width: estW - 8, height: rowH - 8, ellipsis: true });
    pdf.y = y + rowH;
  });
  pdf.font('regular').fontSize(8).fillColor('#555').text(pdfText(`${OFFICE_NAME} — édité le ${dateTime.format(new Date())}`), left, pdf.page.height - 46, { width, lineBreak: false });
  return toBuffer(pdf);
}

/** Attestation de présence of one participant. */
export async function certificatePdf(doc: SessionDocument, person: { name: string; establishmentName: string | null }): Promise<Buffer> {
  const pdf = newPdf({ size: 'A4', margin: 64, info: { Title: pdfText(`Attestation de présence — ${person.name}`), Author: OFFICE_NAME } });
  const width = pdf.page.width - 128;
  pdf.font('bold').fontSize(11).fillColor('#1f4029').text(pdfText(OFFICE_NAME), { width });
  pdf.font('regular').fontSize(9).fillColor('#555').text('Espace Pro Sud Cévennes', { width });
  pdf.moveDown(3);
  pdf.font('bold').fontSize(22).fillColor('#000').text(pdfText('Attestation de présence'), { width, align: 'center' });
  pdf.moveDown(2);
  pdf.font('regular').fontSize(12).fillColor('#000');
  const who = person.establishmentName ? `${person.name} (${person.establishmentName})` : person.name;
  pdf.text(pdfText(`L’${OFFICE_NAME} atteste que`), { width, align: 'left' });
  pdf.moveDown(0.8);
  pdf.font('bold').fontSize(14).text(pdfText(who), { width, align: 'center' });
  pdf.moveDown(0.8);
  pdf.font('regular').fontSize(12).text(pdfText(`a participé à la formation « ${doc.title} »`), { width });
  pdf.moveDown(0.5);
  for (const s of doc.slots) pdf.text(pdfText(`— ${slotLabel(s)}`), { width, indent: 12 });
  pdf.moveDown(0.5);
  pdf.text(pdfText(`Lieu : ${doc.placeKind === 'online' ? 'à distance (visioconférence)' : placeLine(doc.place)}`), { width });
  pdf.text(pdfText(`Durée : ${durationLabel(doc.durationMinutes)}`), { width });
  if (doc.trainer) pdf.text(pdfText(`Formateur / formatrice : ${doc.trainer}`), { width });
  pdf.moveDown(3);
  pdf.text(pdfText(`Fait pour servir et valoir ce que de droit, le ${longDate.format(new Date())}.`), { width });
  pdf.moveDown(2);
  pdf.font('italic').fontSize(11).text(pdfText(`Pour l’${OFFICE_NAME}`), { width, align: 'right' });
  return toBuffer(pdf);
}

// ---------- calendars ----------

export function calendarSession(doc: SessionDocument, opts: { publicUrl: string; showOnline: boolean; locale?: 'fr' | 'en' }): CalendarSession {
  return {
    id: doc.id, title: doc.title, summary: doc.summary, slots: doc.slots,
    location: doc.placeKind === 'online' ? null : placeLine(doc.place, opts.locale ?? 'fr'),
    onlineUrl: doc.placeKind === 'online' && opts.showOnline ? doc.onlineUrl : null,
    pageUrl: `${opts.publicUrl}/formations/sessions/${doc.id}`, revision: doc.revision, cancelled: doc.status === 'cancelled',
    lat: doc.place.lat, lon: doc.place.lon,
  };
}

export { feedCalendar, sessionCalendar };
