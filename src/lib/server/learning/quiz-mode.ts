/** A quiz drawn on the weakest criteria (adaptive), or every item of the module (full). */
export type QuizMode = 'adaptive' | 'full';

/** The mode a form posted; adaptive unless it asks for the full quiz. */
export const parseQuizMode = (value: unknown): QuizMode => (value === 'full' ? 'full' : 'adaptive');
