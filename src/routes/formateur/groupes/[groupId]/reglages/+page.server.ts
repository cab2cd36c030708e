import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { readFormData } from '$lib/server/auth/form';
import { readField } from '$lib/server/auth/validation';
import { getCatalog } from '$lib/server/content/catalog';
import { getDb } from '$lib/server/db';
import { deleteAssignment } from '$lib/server/groups/assignments.repository';
import { changeDueDate } from '$lib/server/groups/assignments.service';
import { setInactivityDays } from '$lib/server/groups/groups.repository';
import { addCoTrainer, closeJoining, findManagedGroup, regenerateJoining, removeMember, removeTrainer } from '$lib/server/groups/groups.service';
import { groupPage } from '$lib/server/groups/group-page';
import { groupSettingsHref, groupsHref } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

/** The group the signed-in trainer manages, or 404 (another trainer's group looks like no group). */
async function managedGroup(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const user = requireRole(event.locals, ['trainer', 'admin']);
	const group = await findManagedGroup(getDb(), user, event.params.groupId ?? '');
	if (!group) error(404, 'Groupe introuvable.');
	return { user, group };
}

const done = (groupId: string, info: string) => redirect(303, `${groupSettingsHref(groupId)}?info=${info}`);

export const load: PageServerLoad = async (event) => {
	const { user, group } = await managedGroup(event);
	return { ...(await groupPage(getDb(), getCatalog(), group, new Date(), event.url.origin)), me: user.id };
};

export const actions: Actions = {
	regenerate: async (event) => {
		const { group } = await managedGroup(event);
		await regenerateJoining(getDb(), group.id);
		done(group.id, 'code-renouvele');
	},
	close: async (event) => {
		const { group } = await managedGroup(event);
		await closeJoining(getDb(), group.id);
		done(group.id, 'inscriptions-fermees');
	},
	addTrainer: async (event) => {
		const { group } = await managedGroup(event);
		const email = readField(await readFormData(event.request), 'email');
		const result = await addCoTrainer(getDb(), group.id, email);
		if (!result.ok) return fail(400, { action: 'addTrainer' as const, email, error: result.error });
		done(group.id, 'formateur-ajoute');
	},
	removeTrainer: async (event) => {
		const { user, group } = await managedGroup(event);
		const trainerId = readField(await readFormData(event.request), 'trainerId');
		const result = await removeTrainer(getDb(), group.id, trainerId);
		if (result === 'last-trainer') return fail(400, { action: 'removeTrainer' as const, error: 'Vous êtes le dernier formateur de ce groupe : ajoutez un autre formateur, ou retirez d’abord les candidats.' });
		if (result === 'group-deleted') redirect(303, `${groupsHref}?info=groupe-supprime`);
		if (result === 'removed' && trainerId === user.id && user.role !== 'admin') redirect(303, groupsHref);
		done(group.id, 'formateur-retire');
	},
	removeMember: async (event) => {
		const { group } = await managedGroup(event);
		const candidateId = readField(await readFormData(event.request), 'candidateId');
		await removeMember(getDb(), group.id, candidateId);
		done(group.id, 'candidat-retire');
	},
	changeDue: async (event) => {
		const { group } = await managedGroup(event);
		const form = await readFormData(event.request);
		const assignmentId = readField(form, 'assignmentId');
		const dueOn = readField(form, 'dueOn');
		const result = await changeDueDate(getDb(), group, assignmentId, dueOn, new Date());
		if (!result.ok) return fail(400, { action: 'changeDue' as const, assignmentId, dueOn, error: result.error });
		done(group.id, 'echeance-modifiee');
	},
	withdraw: async (event) => {
		const { group } = await managedGroup(event);
		const assignmentId = readField(await readFormData(event.request), 'assignmentId');
		if (/^[0-9a-f-]{36}$/i.test(assignmentId)) await deleteAssignment(getDb(), group.id, assignmentId);
		done(group.id, 'travail-retire');
	},
	settings: async (event) => {
		const { group } = await managedGroup(event);
		const value = readField(await readFormData(event.request), 'inactivityDays').trim();
		const days = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
		if (!(days >= 1 && days <= 365)) return fail(400, { action: 'settings' as const, inactivityDays: value, error: 'Saisissez un nombre de jours entre 1 et 365.' });
		await setInactivityDays(getDb(), group.id, days);
		done(group.id, 'reglage-enregistre');
	}
};
