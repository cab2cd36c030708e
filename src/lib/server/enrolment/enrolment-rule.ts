import type { Executor } from '../db';

/**
 * The rule of every learning use case: only a candidate enrolled in a certification may start
 * or answer its modules' activities. Checked inside the use case (in its transaction when it
 * has one), so no route can forget it.
 */
export async function isEnrolled(db: Executor, userId: string, certificationId: string): Promise<boolean> {
	const row = await db.selectFrom('enrolment').select('id').where('user_id', '=', userId).where('certification_id', '=', certificationId).executeTakeFirst();
	return row !== undefined;
}
