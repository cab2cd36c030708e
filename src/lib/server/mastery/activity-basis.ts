/** What an estimate rests on: quiz answers, scenario decisions, observations, validated proofs. */
export interface ActivityBasis {
	quizAnswers: number;
	scenarioDecisions: number;
	/** Live observations by a trainer (corrections replace, withdrawals remove). */
	observations: number;
	/** Live validated proofs from experience. */
	proofs: number;
}

export const emptyBasis = (): ActivityBasis => ({ quizAnswers: 0, scenarioDecisions: 0, observations: 0, proofs: 0 });

/** The basis of several competences together (a unit, a certification). */
export function sumBasis(parts: ActivityBasis[]): ActivityBasis {
	return parts.reduce(
		(sum, part) => ({
			quizAnswers: sum.quizAnswers + part.quizAnswers,
			scenarioDecisions: sum.scenarioDecisions + part.scenarioDecisions,
			observations: sum.observations + part.observations,
			proofs: sum.proofs + part.proofs
		}),
		emptyBasis()
	);
}
