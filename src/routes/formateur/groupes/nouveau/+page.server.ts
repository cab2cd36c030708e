import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { readFormData } from '$lib/server/auth/form';
import { checkControlCharacters, readField } from '$lib/server/auth/validation';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { readGroupForm, type GroupFormValues } from '$lib/server/groups/group-form';
import { createGroup } from '$lib/server/groups/groups.service';
import { groupSettingsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, ['trainer', 'admin']);
	return { certifications: getCatalog().certifications.map((c) => ({ id: c.id, label: `${c.type} — ${c.title}` })) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireRole(locals, ['trainer', 'admin']);
		const form = await readFormData(request);
		const values: GroupFormValues = {
			name: readField(form, 'name'),
			certification: readField(form, 'certification'),
			kind: readField(form, 'kind'),
			startsOn: readField(form, 'startsOn'),
			endsOn: readField(form, 'endsOn'),
			evaluationOn: readField(form, 'evaluationOn')
		};
		const unsafe = checkControlCharacters(values);
		const result = readGroupForm(values, getCatalog().certifications.map((c) => c.id));
		if (Object.keys(unsafe).length > 0 || !result.ok) return fail(400, { values, errors: { ...(result.ok ? {} : result.errors), ...unsafe } });
		const id = await createGroup(getDb(), user.id, result.fields);
		redirect(303, `${groupSettingsHref(id)}?info=cree`);
	}
};
