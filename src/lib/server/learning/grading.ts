import type { QuizItem } from '../content/types';
import type { AttemptDraw } from './attempt-draw';
import { parseFrenchNumber } from './numbers';
import { itemScopes } from './draw-scopes';

export type QuizResponse =
	| { type: 'single'; choice: string }
	| { type: 'multiple'; choices: string[] }
	| { type: 'numeric'; value: number; raw: string }
	| { type: 'ordering'; order: string[] }
	| { type: 'matching'; matches: Record<string, string> };

/** What the form sent, read through `get` / `getAll` like FormData. */
export interface FormFields {
	get(name: string): FormDataEntryValue | null;
	getAll(name: string): FormDataEntryValue[];
}

export type ParsedResponse = { ok: true; response: QuizResponse } | { ok: false; message: string };

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.trim() : '');

/**
 * Reads an answer from the form for this item, mapping the tokens the page carried back to
 * content ids. A missing or malformed answer gets a French message and nothing is graded, so
 * a slip of the keyboard never costs the candidate evidence.
 */
export function parseResponse(item: QuizItem, form: FormFields, draw: AttemptDraw): ParsedResponse {
	const scopes = itemScopes(item);
	switch (item.type) {
		case 'single': {
			const choice = draw.resolve(scopes.options, item.choices.map((c) => c.id), text(form.get('choice')));
			if (!choice) return { ok: false, message: 'Choisissez une réponse.' };
			return { ok: true, response: { type: 'single', choice } };
		}
		case 'multiple': {
			const ids = item.choices.map((c) => c.id);
			const choices = [...new Set(form.getAll('choice').map((value) => draw.resolve(scopes.options, ids, text(value))))].filter((id) => id !== null);
			if (choices.length === 0) return { ok: false, message: 'Cochez au moins une réponse.' };
			return { ok: true, response: { type: 'multiple', choices } };
		}
		case 'numeric': {
			const raw = text(form.get('value'));
			if (!raw) return { ok: false, message: 'Saisissez un nombre.' };
			const value = parseFrenchNumber(raw);
			if (value === null) return { ok: false, message: `« ${shorten(raw)} » n'est pas un nombre. Exemples acceptés : 1 234,5 ou 12,5.` };
			return { ok: true, response: { type: 'numeric', value, raw: shorten(raw, 60) } };
		}
		case 'ordering': {
			const positions = item.steps.map((step) => Number(text(form.get(`position-${draw.token(scopes.options, step.id)}`))));
			const expected = item.steps.map((_, index) => index + 1);
			if (positions.some((p) => !Number.isInteger(p) || p < 1 || p > item.steps.length)) {
				return { ok: false, message: 'Donnez une position à chaque étape.' };
			}
			if ([...positions].sort((a, b) => a - b).join() !== expected.join()) {
				return { ok: false, message: 'Chaque position ne peut être donnée qu’à une seule étape.' };
			}
			const order = [...item.steps].map((step, index) => ({ id: step.id, position: positions[index] as number }));
			order.sort((a, b) => a.position - b.position);
			return { ok: true, response: { type: 'ordering', order: order.map((entry) => entry.id) } };
		}
		case 'matching': {
			const ids = item.pairs.map((pair) => pair.id);
			const matches: Record<string, string> = {};
			for (const pair of item.pairs) {
				const chosen = draw.resolve(scopes.right, ids, text(form.get(`match-${draw.token(scopes.left, pair.id)}`)));
				if (!chosen) return { ok: false, message: 'Associez chaque élément de gauche à un élément de droite.' };
				matches[pair.id] = chosen;
			}
			return { ok: true, response: { type: 'matching', matches } };
		}
	}
}

/** A long entry echoed back whole would push the message off the screen. */
function shorten(raw: string, max = 40): string {
	return raw.length <= max ? raw : `${raw.slice(0, max - 1)}…`;
}

/**
 * The score of a response, in [0, 1]. Single choice and numeric are right or wrong; multiple
 * choice earns partial credit minus wrong picks; ordering counts adjacent steps in the right
 * order; matching counts right associations.
 */
export function gradeResponse(item: QuizItem, response: QuizResponse): number {
	if (item.type !== response.type) throw new Error(`réponse de type ${response.type} pour un item ${item.type}`);
	switch (item.type) {
		case 'single': {
			const { choice } = response as Extract<QuizResponse, { type: 'single' }>;
			return item.choices.find((c) => c.id === choice)?.correct ? 1 : 0;
		}
		case 'multiple': {
			const picked = new Set((response as Extract<QuizResponse, { type: 'multiple' }>).choices);
			const correct = item.choices.filter((c) => c.correct);
			const right = correct.filter((c) => picked.has(c.id)).length;
			const wrong = item.choices.filter((c) => !c.correct && picked.has(c.id)).length;
			return correct.length === 0 ? 0 : Math.max(0, (right - wrong) / correct.length);
		}
		case 'numeric': {
			const { value } = response as Extract<QuizResponse, { type: 'numeric' }>;
			// A small epsilon keeps 0.1 + 0.2 style rounding from failing a right answer.
			return Math.abs(value - item.answer) <= item.tolerance + 1e-9 ? 1 : 0;
		}
		case 'ordering': {
			const { order } = response as Extract<QuizResponse, { type: 'ordering' }>;
			const rank = new Map(item.steps.map((step, index) => [step.id, index]));
			let inOrder = 0;
			for (let i = 0; i + 1 < order.length; i++) {
				if ((rank.get(order[i] as string) ?? -1) < (rank.get(order[i + 1] as string) ?? -1)) inOrder++;
			}
			return order.length < 2 ? 0 : inOrder / (order.length - 1);
		}
		case 'matching': {
			const { matches } = response as Extract<QuizResponse, { type: 'matching' }>;
			const right = item.pairs.filter((pair) => matches[pair.id] === pair.id).length;
			return right / item.pairs.length;
		}
	}
}
