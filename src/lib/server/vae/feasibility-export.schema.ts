/**
 * The documented shape of the feasibility-file JSON export (README of vae, « Export du dossier
 * de faisabilité »): strict, so a field added or renamed without updating the documentation
 * fails the test that checks the export against it.
 */
import { z } from 'zod';

export const feasibilityExportSchema = z
	.object({
		format: z.literal('jalon-vae-faisabilite/1'),
		exportedAt: z.iso.datetime(),
		certification: z.object({ id: z.string().min(1), title: z.string().min(1), type: z.string().min(1) }).strict(),
		blocks: z.array(
			z
				.object({
					code: z.string().min(1),
					label: z.string().min(1),
					comment: z.string().max(10_000),
					competences: z.array(z.object({ label: z.string().min(1), state: z.enum(['YES', 'NO', 'PARTIALLY']), confirmed: z.boolean() }).strict()).min(1)
				})
				.strict()
		)
	})
	.strict();
