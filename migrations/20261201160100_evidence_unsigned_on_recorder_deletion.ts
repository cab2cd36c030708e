import { sql, type Kysely } from 'kysely';

/**
 * `evidence.recorded_by` is ON DELETE SET NULL (an observation or a validated proof outlives the
 * trainer or accompagnateur who recorded it, unsigned), but SET NULL is an UPDATE, which the
 * append-only trigger refused: deleting any account that had recorded evidence failed. The
 * trigger now lets exactly that through, and nothing else: the only change is recorded_by to null.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		create or replace function evidence_is_append_only() returns trigger language plpgsql as $$
		begin
			if new.recorded_by is null and (to_jsonb(new) - 'recorded_by') = (to_jsonb(old) - 'recorded_by') then
				return new;
			end if;
			raise exception 'evidence rows are append-only';
		end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
		create or replace function evidence_is_append_only() returns trigger language plpgsql as $$
		begin
			raise exception 'evidence rows are append-only';
		end $$`.execute(db);
}
