import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

/**
 * use:enhance callback for Jalon's forms: after a refused submission, passwords are emptied
 * (as the server never sends them back) and focus moves to the first field in error, or to
 * the form's error notice, so keyboard and screen-reader users land on the problem.
 */
export const enhanceForm: SubmitFunction = () => {
	return async ({ formElement, result, update }) => {
		await update();
		if (result.type !== 'failure') return;
		for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) input.value = '';
		await tick();
		const target =
			formElement.querySelector<HTMLElement>('[aria-invalid="true"]') ??
			formElement.querySelector<HTMLElement>('.notice.error');
		target?.focus();
	};
};
