/** What an estimate rests on: how many quiz answers and scenario decisions were counted. */
export interface ActivityBasis {
	quizAnswers: number;
	scenarioDecisions: number;
}

export const emptyBasis = (): ActivityBasis => ({ quizAnswers: 0, scenarioDecisions: 0 });

/** The basis of several competences together (a unit, a certification). */
export function sumBasis(parts: ActivityBasis[]): ActivityBasis {
	return parts.reduce((sum, part) => ({ quizAnswers: sum.quizAnswers + part.quizAnswers, scenarioDecisions: sum.scenarioDecisions + part.scenarioDecisions }), emptyBasis());
}
