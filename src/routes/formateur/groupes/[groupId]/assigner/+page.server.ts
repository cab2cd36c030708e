import { randomBytes } from 'node:crypto';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { readFormData } from '$lib/server/auth/form';
import { checkControlCharacters, readField } from '$lib/server/auth/validation';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { withTransaction } from '$lib/server/db/transaction';
import { assignModules, type AssignmentFormValues } from '$lib/server/groups/assignments.service';
import { todayInFrance } from '$lib/server/groups/days';
import { listMembers } from '$lib/server/groups/groups.repository';
import { findManagedGroup } from '$lib/server/groups/groups.service';
import { describeGroup } from '$lib/server/groups/views';
import { groupSettingsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

async function managedGroup(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const user = requireRole(event.locals, ['trainer', 'admin']);
	const group = await findManagedGroup(getDb(), user, event.params.groupId ?? '');
	if (!group) error(404, 'Groupe introuvable.');
	return group;
}

export const load: PageServerLoad = async (event) => {
	const group = await managedGroup(event);
	const catalog = getCatalog();
	const certification = catalog.certifications.find((c) => c.id === group.certificationId);
	return {
		group: describeGroup(catalog, group),
		units: (certification?.units ?? []).map((unit) => ({ id: unit.id, title: `${unit.code} — ${unit.title}`, modules: unit.competences.map((c) => ({ id: c.id, title: `${c.number}. ${c.title}` })) })),
		members: (await listMembers(getDb(), group.id)).map((m) => ({ id: m.id, name: m.displayName })),
		today: todayInFrance(),
		requestKey: randomBytes(16).toString('base64url')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const group = await managedGroup(event);
		const form = await readFormData(event.request);
		const values: AssignmentFormValues = {
			competenceIds: form.getAll('module').filter((v): v is string => typeof v === 'string'),
			dueOn: readField(form, 'dueOn'),
			instruction: readField(form, 'instruction').replace(/\r\n/g, '\n'),
			target: readField(form, 'target') === 'chosen' ? 'chosen' : 'all',
			candidateIds: form.getAll('candidate').filter((v): v is string => typeof v === 'string'),
			requestKey: readField(form, 'requestKey')
		};
		const unsafe = checkControlCharacters({ dueOn: values.dueOn, instruction: values.instruction.replace(/\n/g, ' ') });
		if (Object.keys(unsafe).length > 0) return fail(400, { values, errors: unsafe });
		const result = await withTransaction(getDb(), (tx) => assignModules(tx, getCatalog(), group, values, new Date()));
		if (!result.ok) return fail(400, { values, errors: result.errors as Record<string, string> });
		redirect(303, `${groupSettingsHref(group.id)}?info=assigne`);
	}
};
