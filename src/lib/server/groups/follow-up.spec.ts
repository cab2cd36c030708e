import { describe, expect, it } from 'vitest';
import { assignmentProgress, isOverdue, NO_ACTIVITY, reminderReason } from './follow-up';

const shape = { quizItemIds: ['q1', 'q2', 'q3'], scenarioCount: 2 };

describe('assignment progress', () => {
	it('is « non commencé » without any activity', () => {
		expect(assignmentProgress(shape, NO_ACTIVITY)).toBe('non commencé');
	});
	it('is « en cours » once a quiz is opened or an item answered', () => {
		expect(assignmentProgress(shape, { ...NO_ACTIVITY, opened: true })).toBe('en cours');
		expect(assignmentProgress(shape, { ...NO_ACTIVITY, answeredItemIds: new Set(['q2']) })).toBe('en cours');
	});
	it('needs every item answered and one scenario played to an ending for « terminé »', () => {
		const all = new Set(['q1', 'q2', 'q3']);
		expect(assignmentProgress(shape, { answeredItemIds: all, opened: true, scenarioFinished: false })).toBe('en cours');
		expect(assignmentProgress(shape, { answeredItemIds: new Set(['q1', 'q2']), opened: true, scenarioFinished: true })).toBe('en cours');
		expect(assignmentProgress(shape, { answeredItemIds: all, opened: true, scenarioFinished: true })).toBe('terminé');
	});
	it('a module without scenarios is finished by its quiz alone', () => {
		expect(assignmentProgress({ quizItemIds: ['q1'], scenarioCount: 0 }, { ...NO_ACTIVITY, answeredItemIds: new Set(['q1']) })).toBe('terminé');
	});
	it('is late only after its due day and while not finished', () => {
		expect(isOverdue('en cours', '2027-03-12', '2027-03-12')).toBe(false);
		expect(isOverdue('en cours', '2027-03-12', '2027-03-13')).toBe(true);
		expect(isOverdue('terminé', '2027-03-12', '2027-03-13')).toBe(false);
	});
});

describe('à relancer', () => {
	it('names who never started', () => {
		expect(reminderReason(null, 14, '2027-03-20')).toBe('jamais commencé');
	});
	it('names who did nothing for the group’s number of days', () => {
		expect(reminderReason('2027-03-01', 14, '2027-03-15')).toBe('inactif');
		expect(reminderReason('2027-03-01', 14, '2027-03-14')).toBeNull();
		expect(reminderReason('2027-03-01', 30, '2027-03-15')).toBeNull();
	});
});
