import { describe, expect, it } from 'vitest';
import { checkNewPassword, isCommonPassword, PASSWORD_MIN_LENGTH } from './password-policy';

describe('new password policy', () => {
	it('asks for at least 12 characters, counted after NFC normalisation', () => {
		expect(checkNewPassword('')).toBe('Saisissez un mot de passe.');
		expect(checkNewPassword('court mdp 1')).toMatch(/au moins 12 caractères \(11 saisis\)/);
		expect(checkNewPassword('douze caract')).toBeNull();
		// "é" typed as e + combining accent is one character once normalised: 11, refused.
		expect(checkNewPassword('pe\u0301pite ro\u0301se'.slice(0, 13))).toMatch(/au moins/);
		expect(PASSWORD_MIN_LENGTH).toBe(12);
	});

	it('accepts any Unicode and up to 128 characters, refuses beyond', () => {
		expect(checkNewPassword('мой пароль надёжный')).toBeNull();
		expect(checkNewPassword('我的密码是一句很长的话啊啊啊')).toBeNull();
		expect(checkNewPassword('🌻🌼🌷🌹 jardin fleuri')).toBeNull();
		expect(checkNewPassword('a b c d e '.repeat(12) + 'fin gh')).toBeNull(); // 126
		expect(checkNewPassword('x'.repeat(64) + 'y'.repeat(64))).toBeNull(); // 128
		expect(checkNewPassword('x'.repeat(64) + 'y'.repeat(65))).toMatch(/128 caractères/);
	});

	it('refuses the most common passwords, whatever the case or added digits', () => {
		expect(isCommonPassword('password')).toBe(true);
		expect(isCommonPassword('azertyuiop123')).toBe(true);
		expect(checkNewPassword('Motdepasse2024!')).toMatch(/plus utilisés/);
		expect(checkNewPassword('AZERTYUIOP123')).toMatch(/plus utilisés/);
		expect(checkNewPassword('123456789012')).toMatch(/plus utilisés/);
		expect(checkNewPassword('winniethepooh')).toMatch(/plus utilisés/);
		expect(checkNewPassword('marmotte des alpages')).toBeNull();
	});

	it('refuses a repeated pattern and a password built on the email or name', () => {
		expect(checkNewPassword('abcabcabcabc')).toMatch(/prévisible/);
		expect(checkNewPassword('zzzzzzzzzzzzzz')).toMatch(/prévisible/);
		expect(checkNewPassword('camille.martin1990', { email: 'camille.martin@exemple.fr' })).toMatch(/adresse e-mail ou votre nom/);
		expect(checkNewPassword('Camille Martin', { displayName: 'camille martin' })).toMatch(/adresse e-mail ou votre nom/);
	});
});
