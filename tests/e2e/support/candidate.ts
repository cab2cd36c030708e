import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import type { Module, QuizItem } from '../../../src/lib/server/content/types';
import { uniqueEmail } from './accounts';

/** The real content, read the way the app reads it: tests know the right answers. */
export const catalog = loadCatalog(readContentFiles(path.resolve('content'))).catalog;

/** A module whose full quiz starts with a single-choice item, then any item: the journeys use it. */
export function journeyModule(): Module {
	const module = catalog.modules.find((m) => m.quiz[0]?.type === 'single' && m.quiz.length >= 2 && m.scenarios.length > 0);
	if (!module) throw new Error('aucun module ne convient au parcours de test');
	return module;
}

export const modulePath = (module: Module) => `/modules/${module.certificationId}/${module.slug}`;

/** Signs up a new candidate through the form; the page is then signed in. */
export async function signUpCandidate(page: Page, name = 'Camille Candidate'): Promise<string> {
	const email = uniqueEmail('candidat');
	await page.goto('/inscription');
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Nom affiché').fill(name);
	await page.getByLabel('Mot de passe').fill('un mot de passe solide pour Jalon');
	await page.getByRole('button', { name: 'Créer mon compte' }).click();
	await expect(page).not.toHaveURL(/\/inscription/);
	return email;
}

/** Enrols the signed-in candidate from their space. */
export async function enrolIn(page: Page, certificationId: string, pathway: 'formation' | 'vae' = 'formation'): Promise<void> {
	const certificationTitle = catalog.certifications.find((c) => c.id === certificationId)?.title ?? certificationId;
	await page.goto('/candidat');
	await page.getByLabel('Certification', { exact: true }).selectOption(certificationId);
	await page.getByRole('radio', { name: pathway === 'vae' ? /^VAE/ : /^Formation/ }).check();
	await page.getByRole('button', { name: "S'inscrire" }).click();
	await expect(page.getByRole('status')).toContainText(certificationTitle);
}

/** Fills in the form of a quiz item, rightly or wrongly, through the real inputs. */
export async function answerItem(form: Locator, item: QuizItem, right: boolean): Promise<void> {
	switch (item.type) {
		case 'single': {
			const choice = item.choices.find((c) => c.correct === right) ?? item.choices[0]!;
			await form.locator(`input[name="choice"][value="${choice.id}"]`).check();
			break;
		}
		case 'multiple': {
			const picks = right ? item.choices.filter((c) => c.correct) : item.choices.filter((c) => !c.correct).slice(0, 1);
			for (const choice of picks) await form.locator(`input[name="choice"][value="${choice.id}"]`).check();
			break;
		}
		case 'numeric': {
			const value = right ? item.answer : item.answer + item.tolerance * 10 + 1000;
			await form.locator('input[name="value"]').fill(String(value).replace('.', ','));
			break;
		}
		case 'ordering': {
			const steps = right ? item.steps : [...item.steps].reverse();
			for (const [index, step] of steps.entries()) {
				await form.locator(`select[name="position-${step.id}"]`).selectOption(String(index + 1));
			}
			break;
		}
		case 'matching': {
			for (const [index, pair] of item.pairs.entries()) {
				const target = right ? pair : item.pairs[(index + 1) % item.pairs.length]!;
				await form.locator(`select[name="match-${pair.id}"]`).selectOption(target.id);
			}
			break;
		}
	}
}

/** Presses Tab until the element has focus (a keyboard user's way to reach it). */
export async function tabTo(page: Page, target: Locator, maxPresses = 120): Promise<void> {
	for (let i = 0; i < maxPresses; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error('élément jamais atteint au clavier');
}
