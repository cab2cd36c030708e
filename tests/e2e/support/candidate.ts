import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { readContentFiles } from '../../../src/lib/server/content/files';
import { loadCatalog } from '../../../src/lib/server/content/load';
import { renderInlineMarkdown, renderMarkdown } from '../../../src/lib/server/content/markdown';
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

/** The text a reader sees for a piece of inline markdown, as the browser renders it. */
async function visibleText(form: Locator, markdown: string): Promise<string> {
	return form.evaluate((_, html) => {
		const element = document.createElement('div');
		element.innerHTML = html;
		return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
	}, renderInlineMarkdown(markdown));
}

const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The item a quiz form shows, found by its prompt as a reader would: the page names items by
 * opaque tokens only.
 */
export async function itemShown(form: Locator, items: QuizItem[]): Promise<QuizItem> {
	// One round trip: the browser renders every prompt and says which one is on screen.
	const index = await form.evaluate((element, prompts) => {
		const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
		const shown = normalise(element.querySelector('.prompt')?.textContent ?? '');
		const probe = document.createElement('div');
		return prompts.findIndex((html) => {
			probe.innerHTML = html;
			return normalise(probe.textContent) === shown;
		});
	}, items.map((item) => renderMarkdown(item.prompt)));
	if (index < 0) throw new Error(`question introuvable : ${normalise(await form.locator('.prompt').textContent()).slice(0, 80)}`);
	return items[index]!;
}

/** The input of the option whose label reads like this text (options carry opaque tokens). */
async function optionInput(form: Locator, markdown: string): Promise<Locator> {
	const wanted = await visibleText(form, markdown);
	for (const label of await form.locator('label.option').all()) {
		if (normalise(await label.textContent()) === wanted) return label.locator('input');
	}
	throw new Error(`option introuvable : ${wanted}`);
}

/** Where an option is shown in this attempt's drawn order (0 = first). */
export async function optionIndex(form: Locator, markdown: string): Promise<number> {
	const wanted = await visibleText(form, markdown);
	const labels = await form.locator('label.option').allTextContents();
	const index = labels.findIndex((text) => normalise(text) === wanted);
	if (index < 0) throw new Error(`option introuvable : ${wanted}`);
	return index;
}

/** The select whose label reads like this text (ordering steps, matching left elements). */
async function selectFor(form: Locator, markdown: string): Promise<Locator> {
	const wanted = await visibleText(form, markdown);
	for (const label of await form.locator('.row label').all()) {
		if (normalise(await label.textContent()) === wanted) return form.locator(`select#${await label.getAttribute('for')}`);
	}
	throw new Error(`liste introuvable : ${wanted}`);
}

/**
 * Fills in the form of a quiz item, rightly or wrongly, through the real inputs. Options are
 * found by their visible text, as a candidate finds them: the page carries no content id.
 */
export async function answerItem(form: Locator, item: QuizItem, right: boolean): Promise<void> {
	switch (item.type) {
		case 'single': {
			const choice = item.choices.find((c) => c.correct === right) ?? item.choices[0]!;
			await (await optionInput(form, choice.text)).check();
			break;
		}
		case 'multiple': {
			const picks = right ? item.choices.filter((c) => c.correct) : item.choices.filter((c) => !c.correct).slice(0, 1);
			for (const choice of picks) await (await optionInput(form, choice.text)).check();
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
				await (await selectFor(form, step.text)).selectOption(String(index + 1));
			}
			break;
		}
		case 'matching': {
			for (const [index, pair] of item.pairs.entries()) {
				const target = right ? pair : item.pairs[(index + 1) % item.pairs.length]!;
				await (await selectFor(form, pair.left)).selectOption({ label: await visibleText(form, target.right) });
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
