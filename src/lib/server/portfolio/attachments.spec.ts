import { describe, expect, it } from 'vitest';
import { APPLICANT_MAX_BYTES, checkUpload, contentDisposition, FILE_MAX_BYTES, safeFileName, sniffType } from './attachments';
import { decideSave } from './versioned-text';
import { tinyPdf } from './tiny-pdf';

const bytes = (...values: number[]) => new Uint8Array(values);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16);

describe('file type from the first bytes', () => {
	it('recognises PDF, PNG and JPEG', () => {
		expect(sniffType(tinyPdf(['x']))).toBe('application/pdf');
		expect(sniffType(PNG)).toBe('image/png');
		expect(sniffType(JPEG)).toBe('image/jpeg');
	});
	it('refuses text, a GIF, a truncated signature, whatever the name', () => {
		expect(sniffType(new TextEncoder().encode('Bonjour, ceci est un PDF'))).toBeNull();
		expect(sniffType(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(sniffType(bytes(0x89, 0x50, 0x4e))).toBeNull();
		const renamed = checkUpload({ name: 'preuve.pdf', size: 10, head: new TextEncoder().encode('<html>') }, 0);
		expect(renamed).toEqual({ ok: false, message: expect.stringContaining('porte le nom d’un PDF') });
	});
});

describe('limits', () => {
	it('accepts exactly 10 MB, refuses one byte more', () => {
		expect(checkUpload({ name: 'a.pdf', size: FILE_MAX_BYTES, head: tinyPdf(['x']) }, 0).ok).toBe(true);
		expect(checkUpload({ name: 'a.pdf', size: FILE_MAX_BYTES + 1, head: tinyPdf(['x']) }, 0)).toEqual({ ok: false, message: expect.stringContaining('10 Mo') });
	});
	it('refuses what no longer fits in the applicant’s 100 MB', () => {
		expect(checkUpload({ name: 'a.png', size: 1000, head: PNG }, APPLICANT_MAX_BYTES - 1000).ok).toBe(true);
		expect(checkUpload({ name: 'a.png', size: 1001, head: PNG }, APPLICANT_MAX_BYTES - 1000)).toEqual({ ok: false, message: expect.stringContaining('100 Mo') });
	});
});

describe('safe file names', () => {
	it('keeps the last segment, drops quotes and controls, uses the real extension', () => {
		expect(safeFileName('C:\\Users\\x\\..\\"attestation"\r\n.exe', 'application/pdf')).toBe('attestation.pdf');
		expect(safeFileName('photo du chantier.JPEG', 'image/jpeg')).toBe('photo du chantier.jpg');
		expect(safeFileName('...', 'image/png')).toBe('document.png');
	});
	it('sends an ASCII fallback and the UTF-8 name', () => {
		expect(contentDisposition('Attestation employée.pdf')).toBe(`attachment; filename="Attestation employee.pdf"; filename*=UTF-8''Attestation%20employ%C3%A9e.pdf`);
	});
});

describe('versioned saves', () => {
	it('saves from the current version, conflicts from a stale one, ignores a repeat', () => {
		expect(decideSave(null, 0, 'a')).toEqual({ kind: 'save', version: 1 });
		expect(decideSave({ body: 'a', version: 1 }, 1, 'b')).toEqual({ kind: 'save', version: 2 });
		expect(decideSave({ body: 'b', version: 2 }, 1, 'c')).toEqual({ kind: 'conflict', theirs: { body: 'b', version: 2 } });
		expect(decideSave({ body: 'b', version: 2 }, 1, 'b')).toEqual({ kind: 'unchanged', version: 2 });
	});
});
