import { z } from 'zod';

/** A list of paragraphs, or one paragraph: authors use both. */
const paragraphs = z.union([z.string(), z.array(z.string())]).transform((value) => (typeof value === 'string' ? [value] : value));

export const aspects = [
	'méthodes',
	'moyens',
	'liens professionnels et relationnels',
	'contraintes du milieu',
	'résultats',
	'méthodes et justification des moyens',
	'respect des procédures et instructions',
	'dérivé'
] as const;

const id = (pattern: RegExp, what: string) => z.string().regex(pattern, `${what} : identifiant mal formé`);

export const criterionSchema = z.object({
	id: id(/^[a-z]+\.c[t]?\d+\.[a-z]+\d+$/, 'critère'),
	aspect: z.enum(aspects),
	kind: z.enum(['critère', 'résultat attendu']),
	official: z.boolean(),
	text: z.string().min(10),
	/** A short name for places where the full text does not fit (map cells, lessons, feedback). */
	label: z.string().min(3).max(60).optional(),
	note: z.string().optional()
});

export const competenceSchema = z.object({
	id: id(/^[a-z]+\.c[t]?\d+$/, 'compétence'),
	number: z.coerce.string(),
	title: z.string().min(3),
	conditions: z.array(z.string()).default([]),
	knowledge: z.array(z.string()).default([]),
	criteria: z.array(criterionSchema).min(1)
});

export const unitSchema = z.object({
	id: id(/^[a-z]+\.[a-z0-9]+$/, 'unité'),
	code: z.string().default(''),
	kind: z.enum(['bloc', 'ccp', 'certification', 'transversal']),
	title: z.string().min(3),
	knowledge: z.array(z.string()).default([]),
	competences: z.array(competenceSchema).min(1)
});

export const referentielSchema = z.object({
	id: id(/^[a-z]+$/, 'certification'),
	/** Display order among certifications. */
	order: z.number().int().default(100),
	title: z.string(),
	type: z.enum(['CQPM', 'Titre professionnel']),
	reference: z.string(),
	source: z.string(),
	summary: z.string(),
	activities: z.array(z.object({ title: z.string(), text: z.string() })).default([]),
	environment: z.string().optional(),
	evaluation: z.object({
		modalities: paragraphs,
		admissibility: paragraphs,
		notes: paragraphs.optional()
	}),
	sourceNotes: z.array(z.string()).default([]),
	units: z.array(unitSchema).min(1)
});

export const equivalencesSchema = z.object({
	equivalences: z.array(
		z.object({
			criteria: z.array(z.string()).min(2),
			why: z.string().min(10)
		})
	)
});

export const metiersSchema = z.object({
	metiers: z.array(
		z.object({
			id: z.string().regex(/^[a-z0-9-]+$/),
			title: z.string(),
			code: z.string(),
			source: z.string(),
			summary: z.string(),
			sections: z.array(z.object({ title: z.string(), text: z.string() })),
			certifications: z.array(z.string()),
			why: z.string().optional()
		})
	)
});

export type ReferentielFile = z.infer<typeof referentielSchema>;
export type EquivalencesFile = z.infer<typeof equivalencesSchema>;
export type MetiersFile = z.infer<typeof metiersSchema>;
