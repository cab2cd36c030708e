import { addDays, type IsoDay } from './days';

/**
 * The trainer's follow-up, pure: an assignment's status from a candidate's activity, and who
 * is « à relancer ». No database here: the repository gathers the activity, these decide.
 */

export type AssignmentProgress = 'non commencé' | 'en cours' | 'terminé';

/** What a candidate did in one module, as the repository reads it. */
export interface ModuleActivity {
	/** Quiz items of the module answered at least once. */
	answeredItemIds: ReadonlySet<string>;
	/** A quiz session or a scenario run opened in the module, even without an answer. */
	opened: boolean;
	/** A scenario of the module played to one of its endings. */
	scenarioFinished: boolean;
}

/** What the module holds. */
export interface ModuleShape {
	quizItemIds: readonly string[];
	scenarioCount: number;
}

export const NO_ACTIVITY: ModuleActivity = { answeredItemIds: new Set(), opened: false, scenarioFinished: false };

/**
 * « terminé »: every quiz item of the module answered at least once, and one scenario played
 * to an ending (when the module has scenarios); « en cours »: anything begun; else « non
 * commencé ».
 */
export function assignmentProgress(shape: ModuleShape, activity: ModuleActivity): AssignmentProgress {
	const allAnswered = shape.quizItemIds.every((id) => activity.answeredItemIds.has(id));
	const scenarioDone = shape.scenarioCount === 0 || activity.scenarioFinished;
	if (allAnswered && scenarioDone && (shape.quizItemIds.length > 0 || shape.scenarioCount > 0)) return 'terminé';
	const begun = activity.opened || activity.scenarioFinished || shape.quizItemIds.some((id) => activity.answeredItemIds.has(id));
	return begun ? 'en cours' : 'non commencé';
}

/** Late: past its due day (due today is not late) and not finished. */
export function isOverdue(progress: AssignmentProgress, dueOn: IsoDay, today: IsoDay): boolean {
	return progress !== 'terminé' && dueOn < today;
}

export type ReminderReason = 'jamais commencé' | 'inactif';

/**
 * Whether the trainer should get back to a candidate: never started anything in the
 * certification, or nothing for `inactivityDays` days (the group's setting). Null: all is well.
 */
export function reminderReason(lastActivityDay: IsoDay | null, inactivityDays: number, today: IsoDay): ReminderReason | null {
	if (!lastActivityDay) return 'jamais commencé';
	return lastActivityDay <= addDays(today, -inactivityDays) ? 'inactif' : null;
}
