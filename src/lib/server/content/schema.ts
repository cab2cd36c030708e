import { z } from 'zod';

const criterionIds = z.array(z.string()).min(1, 'un item doit nommer au moins un critère');
const text = z.string().min(1);
const feedbackPair = z.object({ correct: text, incorrect: text });

const choice = z.object({
	id: z.coerce.string(),
	text,
	correct: z.boolean().default(false),
	feedback: text
});

const base = {
	id: z.string().regex(/^[a-z]+\.c[t]?\d+\.q\d+$/, 'identifiant d’item mal formé'),
	criteria: criterionIds,
	prompt: text,
	explanation: z.string().optional()
};

/** The five item types over a given base (competence items, or preparation items). */
const itemUnion = <B extends z.ZodRawShape>(base: B) => z.discriminatedUnion('type', [
	z.object({ ...base, type: z.literal('single'), choices: z.array(choice).min(2) }),
	z.object({ ...base, type: z.literal('multiple'), choices: z.array(choice).min(2) }),
	z.object({
		...base,
		type: z.literal('numeric'),
		answer: z.number(),
		tolerance: z.number().min(0),
		unit: z.string().default(''),
		compute: z.object({ inputs: z.record(z.string(), z.number()), expression: z.string() }).optional(),
		feedback: feedbackPair
	}),
	z.object({
		...base,
		type: z.literal('ordering'),
		steps: z.array(z.object({ id: z.coerce.string(), text })).min(2),
		feedback: feedbackPair
	}),
	z.object({
		...base,
		type: z.literal('matching'),
		pairs: z.array(z.object({ id: z.coerce.string(), left: text, right: text })).min(2),
		feedback: feedbackPair
	})
]);

export const quizItemSchema = itemUnion(base);

export const quizFileSchema = z.object({ items: z.array(quizItemSchema).default([]) });

const debriefLine = z
	.object({ réussi: text.optional(), partiel: text.optional(), manqué: text.optional() })
	.strict()
	.refine((line) => Boolean(line.réussi || line.partiel || line.manqué), 'une ligne de débriefing a au moins un texte (réussi, partiel ou manqué)');

const scenarioChoice = z.object({
	id: z.coerce.string(),
	text,
	effects: z.record(z.string(), z.number().min(0).max(1)),
	feedback: text,
	next: z.string()
});

export const scenarioNodeSchema = z.union([
	z.object({
		ending: z.object({
			title: text,
			outcome: z.enum(['réussite', 'partielle', 'échec']),
			text,
			// Per criterion, a text for each claim some path to this ending supports (see debrief-claims.ts).
			// A bare text is read but fails the check: it cannot say which paths it is true for.
			debrief: z.record(z.string(), z.union([text, debriefLine]))
		})
	}),
	z.object({ text, choices: z.array(scenarioChoice).min(1) })
]);

export const scenarioFileSchema = z.object({
	id: z.string().regex(/^[a-z]+\.c[t]?\d+\.s\d+$/, 'identifiant de scénario mal formé'),
	title: text,
	summary: text,
	context: text,
	start: z.string(),
	nodes: z.record(z.string(), scenarioNodeSchema)
});

/**
 * Commission questions of a competence (`modules/<cert>/<slug>/questions.yaml`): open questions
 * of the kind a commission d'évaluation asks about the candidate's own activities, with what a
 * strong answer shows. Rehearsed by the candidate; never graded, never evidence.
 */
export const commissionQuestionSchema = z.object({
	id: z.string().regex(/^[a-z]+\.c[t]?\d+\.o\d+$/, 'identifiant de question mal formé (ex. tci.c1.o1)'),
	criteria: criterionIds,
	question: text,
	points: z.array(text).min(2, 'de 2 à 6 points').max(6, 'de 2 à 6 points')
});
export const questionsFileSchema = z.object({ questions: z.array(commissionQuestionSchema).default([]) });

/**
 * Preparation items (`preparation/<cert>/quiz.yaml`): the same five types, on the certifier's
 * rules rather than on a criterion, so they name no criterion and give no evidence.
 */
export const preparationItemSchema = itemUnion({
	id: z.string().regex(/^[a-z]+\.prep\.q\d+$/, 'identifiant d’item de préparation mal formé (ex. tci.prep.q1)'),
	criteria: z.array(z.string()).max(0, 'un item de préparation ne nomme aucun critère : il porte sur les règles de l’évaluation').default([]),
	prompt: text,
	explanation: z.string().optional()
});
export const preparationQuizFileSchema = z.object({ items: z.array(preparationItemSchema).default([]) });

export const preparationFrontMatterSchema = z.object({
	preparation: z.string().regex(/^[a-z]+\.prep$/, 'identifiant de préparation mal formé (ex. tci.prep)'),
	title: text,
	duration: z.number().int().positive().optional()
});

export const lessonFrontMatterSchema = z.object({
	competence: z.string(),
	title: text,
	duration: z.number().int().positive().optional()
});

const floors = z.object({
	quizItems: z.number().int().min(0).default(0),
	itemTypes: z.number().int().min(0).default(0),
	scenarioChoices: z.number().int().min(0).default(0)
});

const ceiling = z.number().min(0).max(1).default(1);
const guessabilityCeilings = z.object({
	singleLongest: ceiling,
	singleShortest: ceiling,
	multipleLonger: ceiling,
	scenarioLongest: ceiling,
	scenarioShortest: ceiling
});

export const coverageConfigSchema = z.object({
	default: floors.default({ quizItems: 0, itemTypes: 0, scenarioChoices: 0 }),
	certifications: z.record(z.string(), floors).default({}),
	/** Commission questions each competence must have (questions.yaml). */
	questions: z.number().int().min(0).default(0),
	/** Preparation modules each certification must have (0 or 1). */
	preparation: z.number().int().min(0).max(1).default(0),
	/** Per certification, the guessability ceilings for the whole certification and for each of its modules. */
	guessability: z.record(z.string(), z.object({ certification: guessabilityCeilings, module: guessabilityCeilings })).default({})
});

export type QuizItemFile = z.infer<typeof quizItemSchema>;
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type CoverageConfig = z.infer<typeof coverageConfigSchema>;
export type CoverageFloors = z.infer<typeof floors>;
export type CommissionQuestion = z.infer<typeof commissionQuestionSchema>;
export type PreparationItem = z.infer<typeof preparationItemSchema>;
export type GuessabilityCeilings = z.infer<typeof guessabilityCeilings>;
