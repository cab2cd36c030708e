import { error, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findManagedGroup } from '$lib/server/groups/groups.service';

/**
 * The group the signed-in trainer manages (one of its trainers, or an admin), or 404: another
 * trainer's group looks like no group. Every page, action and endpoint under the group calls it.
 */
export async function requireManagedGroup(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const user = requireRole(event.locals, ['trainer', 'admin']);
	const group = await findManagedGroup(getDb(), user, (event.params as { groupId?: string }).groupId ?? '');
	if (!group) error(404, 'Groupe introuvable.');
	return { user, group };
}
