import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, formatJoinCode, generateJoinCode, generateJoinToken, normalizeJoinCode, TOKEN_PATTERN } from './join-code';

describe('join codes', () => {
	it('are 6 letters without look-alikes then 3 digits', () => {
		for (let i = 0; i < 500; i++) {
			const code = generateJoinCode();
			expect(code).toMatch(CODE_PATTERN);
			expect(code.slice(0, 6)).not.toMatch(/[ILO]/);
		}
	});

	it('read what was typed in any case, with spaces or dashes', () => {
		expect(normalizeJoinCode(' ktrbxh 482 ')).toBe('KTRBXH482');
		expect(normalizeJoinCode('KTR-BXH-482')).toBe('KTRBXH482');
		expect(normalizeJoinCode('ktrbxh482')).toBe('KTRBXH482');
	});

	it('refuse what cannot be a code', () => {
		for (const typed of ['', 'KTRBX482', 'KTRBXH48', 'OTRBXH482', '123456ABC', 'KTRBXH4820']) expect(normalizeJoinCode(typed)).toBeNull();
	});

	it('are shown with letters and digits apart', () => {
		expect(formatJoinCode('KTRBXH482')).toBe('KTRBXH 482');
	});

	it('link tokens have the shape the join route checks', () => {
		expect(generateJoinToken()).toMatch(TOKEN_PATTERN);
	});
});
