import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../auth/types';
import type { Pathway } from '../enrolment/pathway';
import type { EvidenceKind, EvidenceSource, ObservationSituation } from '../evidence/types';
import type { QuizMode } from '../learning/quiz-mode';

/**
 * The one hand-written description of the database. Each domain adds its tables here,
 * next to the migration that creates them.
 */
/** A timestamptz the application always provides. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamptz with a database default (now()): optional on insert. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface AppUserTable {
	id: Generated<string>;
	email: string;
	display_name: string;
	password_hash: string;
	role: Generated<Role>;
	created_at: GeneratedTimestamp;
}

export interface UserSessionTable {
	/** SHA-256 of the session token, hex: the token itself is never stored. */
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: GeneratedTimestamp;
}

export interface Database {
	app_user: AppUserTable;
	user_session: UserSessionTable;
	enrolment: EnrolmentTable;
	quiz_session: QuizSessionTable;
	quiz_answer: QuizAnswerTable;
	scenario_run: ScenarioRunTable;
	scenario_step: ScenarioStepTable;
	evidence: EvidenceTable;
	criterion_summary: CriterionSummaryTable;
	password_reset_token: PasswordResetTokenTable;
	outbox: OutboxTable;
	throttle_counter: ThrottleCounterTable;
	role_change_audit: RoleChangeAuditTable;
	vae_positioning: VaePositioningTable;
	portfolio_experience: PortfolioExperienceTable;
	portfolio_link: PortfolioLinkTable;
	portfolio_review: PortfolioReviewTable;
	portfolio_comment: PortfolioCommentTable;
	trainer_group: TrainerGroupTable;
	group_trainer: GroupTrainerTable;
	group_member: GroupMemberTable;
	assignment: AssignmentTable;
	assignment_target: AssignmentTargetTable;
	preparation_session: PreparationSessionTable;
	preparation_answer: PreparationAnswerTable;
	rehearsal_answer: RehearsalAnswerTable;
	rehearsal_comment: RehearsalCommentTable;
	// Observations (trainers, part 2)
	observation: ObservationTable;
	observation_result: ObservationResultTable;
	observation_acknowledgement: ObservationAcknowledgementTable;
	// VAE, part 2
	portfolio_attachment: PortfolioAttachmentTable;
	versioned_text: VersionedTextTable;
	vae_feasibility: VaeFeasibilityTable;
	// Evaluation preparation, part 2: the projects report and the company's opinion.
	portfolio_project: PortfolioProjectTable;
	company_opinion_invitation: CompanyOpinionInvitationTable;
	company_opinion: CompanyOpinionTable;
	company_opinion_entry: CompanyOpinionEntryTable;
}

// ── Learning: enrolments, quiz sessions and answers, scenario runs, evidence ──

export type Json = ColumnType<unknown, string, string>;

export interface EnrolmentTable {
	id: Generated<string>;
	user_id: string;
	certification_id: string;
	pathway: Pathway;
	last_competence_id: string | null;
	last_activity_at: Timestamp | null;
	created_at: GeneratedTimestamp;
}

export interface QuizSessionTable {
	id: Generated<string>;
	user_id: string;
	competence_id: string;
	mode: QuizMode;
	/** The drawn item ids, in order (JSON array). */
	item_ids: ColumnType<string[], string, string>;
	/** Secret seed of the session's option order and tokens; never sent to the browser. */
	draw_seed: string;
	status: Generated<'open' | 'finished'>;
	started_at: GeneratedTimestamp;
	finished_at: Timestamp | null;
}

export interface QuizAnswerTable {
	id: Generated<string>;
	session_id: string;
	user_id: string;
	item_id: string;
	response: Json;
	score: number;
	content_version: string;
	idempotency_key: string;
	created_at: GeneratedTimestamp;
}

export interface ScenarioRunTable {
	id: Generated<string>;
	user_id: string;
	scenario_id: string;
	competence_id: string;
	content_version: string;
	current_node: string;
	/** Secret seed of the run's choice order and tokens; never sent to the browser. */
	draw_seed: string;
	status: Generated<'open' | 'finished'>;
	started_at: GeneratedTimestamp;
	finished_at: Timestamp | null;
}

export interface ScenarioStepTable {
	id: Generated<string>;
	run_id: string;
	user_id: string;
	step_number: number;
	node_id: string;
	choice_id: string;
	idempotency_key: string;
	created_at: GeneratedTimestamp;
}

export interface EvidenceTable {
	id: ColumnType<number, never, never>;
	user_id: string;
	criterion_id: string;
	source: EvidenceSource;
	kind: ColumnType<EvidenceKind, EvidenceKind | undefined, never>;
	/** Null for a withdrawal, which has no score of its own. */
	score: number | null;
	weight: number;
	item_ref: string;
	content_version: string;
	/** Who recorded the row: a trainer, an accompagnateur; null for the engines. */
	recorded_by: string | null;
	/** The row this one corrects or withdraws (each row is superseded at most once). */
	supersedes: number | null;
	situation: ObservationSituation | null;
	created_at: GeneratedTimestamp;
}

export interface CriterionSummaryTable {
	user_id: string;
	criterion_id: string;
	weighted_score: number;
	weighted_total: number;
	reference_at: Timestamp;
	training_score: number;
	training_total: number;
	training_applied: number;
	evidence_count: number;
	applied_count: number;
	demonstrating_count: number;
	quiz_count: number;
	scenario_count: number;
	observation_count: number;
	portfolio_count: number;
	last_evidence_at: Timestamp | null;
	self_rating: number | null;
	self_rated_at: Timestamp | null;
}

// ── Auth: password reset, outbox, throttling, role audit ──

export interface PasswordResetTokenTable {
	/** SHA-256 of the reset token, hex: the link's token itself is never stored. */
	id: string;
	user_id: string;
	expires_at: Timestamp;
	created_at: GeneratedTimestamp;
}

export interface OutboxTable {
	id: Generated<number>;
	user_id: string | null;
	recipient: string;
	subject: string;
	/** The text, with OUTBOX_SECRET_MARKER where `secret` (a link) goes when it is sent. */
	body: string;
	/** A link with a live token, kept only until the message is sent or given up. */
	secret: string | null;
	status: Generated<'pending' | 'sent' | 'failed'>;
	attempts: Generated<number>;
	next_attempt_at: GeneratedTimestamp;
	/** A worker's claim: others leave the row alone until then. */
	locked_until: Timestamp | null;
	sent_at: Timestamp | null;
	last_error: string | null;
	created_at: GeneratedTimestamp;
}

export interface ThrottleCounterTable {
	/** "<rule>:<sha256 of the email or client address>" */
	bucket: string;
	attempts: number;
	window_ends_at: Timestamp;
}

export interface RoleChangeAuditTable {
	id: Generated<number>;
	user_id: string;
	/** The admin who made the change; null from the command line or once that admin is deleted. */
	actor_id: string | null;
	old_role: Role | null;
	new_role: Role;
	origin: 'web' | 'cli';
	created_at: Timestamp;
}

// ── Groups: trainers' groups, their trainers and candidates, assignments ──

/** A calendar day, 'YYYY-MM-DD' (text: no time zone shifts it; sorts as text). */
export type IsoDay = string;

export interface TrainerGroupTable {
	id: Generated<string>;
	name: string;
	certification_id: string;
	kind: Pathway;
	starts_on: IsoDay | null;
	ends_on: IsoDay | null;
	evaluation_on: IsoDay | null;
	/** 6 letters and 3 digits; null when joining is closed (then join_token is null too). */
	join_code: string | null;
	/** The secret of the join link. */
	join_token: string | null;
	/** Days without activity after which a candidate is « à relancer ». */
	inactivity_days: Generated<number>;
	created_at: GeneratedTimestamp;
}

export interface GroupTrainerTable {
	group_id: string;
	trainer_id: string;
	added_at: GeneratedTimestamp;
}

export interface GroupMemberTable {
	group_id: string;
	candidate_id: string;
	joined_at: GeneratedTimestamp;
}

export interface AssignmentTable {
	id: Generated<string>;
	group_id: string;
	competence_id: string;
	due_on: IsoDay;
	instruction: string | null;
	/** Every member, including later ones; otherwise the candidates of assignment_target. */
	whole_group: boolean;
	/** The form's idempotency key: the same form sent twice assigns each module once. */
	request_key: ColumnType<string | null, string | null | undefined, never>;
	created_at: GeneratedTimestamp;
}

export interface AssignmentTargetTable {
	assignment_id: string;
	candidate_id: string;
}

// ── VAE and portfolio: positioning, experiences, links to criteria, reviews ──

export interface VaePositioningTable {
	id: ColumnType<number, never, never>;
	user_id: string;
	criterion_id: string;
	answer: 'oui' | 'partiellement' | 'non';
	example: string | null;
	/** The `self` evidence row that mirrors this statement. */
	evidence_id: number;
	created_at: Timestamp;
}

export interface PortfolioExperienceTable {
	id: Generated<string>;
	user_id: string;
	certification_id: string;
	title: string;
	context: string;
	role: string;
	/** 'YYYY-MM-DD', kept as text so no time zone moves a day. */
	start_date: string | null;
	end_date: string | null;
	duration_band: 'moins-1' | '1-3' | 'plus-3' | 'plus-5' | 'plus-10' | null;
	activities: string;
	results: string;
	/** « expérience » (VAE) or « projet » (projects report); defaults to « expérience ». */
	kind: ColumnType<'expérience' | 'projet', 'expérience' | 'projet' | undefined, never>;
	created_at: Timestamp;
	updated_at: Timestamp;
	/** Moves at every save of the experience (VAE part 2: stale saves are conflicts). */
	version: Generated<number>;
}

export interface PortfolioLinkTable {
	id: Generated<string>;
	user_id: string;
	experience_id: string;
	criterion_id: string;
	justification: string;
	status: 'à revoir' | 'validée' | 'à compléter';
	/** The live `portfolio` evidence row while the link is validated. */
	evidence_id: number | null;
	created_at: Timestamp;
	updated_at: Timestamp;
}

export interface PortfolioReviewTable {
	id: ColumnType<number, never, never>;
	link_id: string;
	user_id: string;
	reviewer_id: string | null;
	decision: 'validée' | 'à compléter';
	reason: string | null;
	created_at: Timestamp;
}

export interface PortfolioCommentTable {
	id: ColumnType<number, never, never>;
	experience_id: string;
	user_id: string;
	author_id: string | null;
	body: string;
	created_at: Timestamp;
}

// ── Evaluation preparation: « Préparer l'évaluation » quizzes and commission rehearsals (outside the ledger) ──

export interface PreparationSessionTable {
	id: Generated<string>;
	user_id: string;
	certification_id: string;
	/** JSON array of preparation item ids, in the order asked. */
	item_ids: ColumnType<string[], string, string>;
	draw_seed: string;
	status: Generated<'open' | 'finished'>;
	started_at: GeneratedTimestamp;
	finished_at: Timestamp | null;
}

export interface PreparationAnswerTable {
	id: Generated<string>;
	session_id: string;
	user_id: string;
	item_id: string;
	response: Json;
	score: number;
	content_version: string;
	idempotency_key: string;
	created_at: GeneratedTimestamp;
}

export interface RehearsalAnswerTable {
	id: Generated<string>;
	user_id: string;
	competence_id: string;
	question_id: string;
	body: string;
	/** JSON array of the point texts ticked for this version; null until ticked. */
	covered_points: ColumnType<string[] | null, string | null, string | null>;
	idempotency_key: string;
	created_at: GeneratedTimestamp;
}

export interface RehearsalCommentTable {
	id: Generated<string>;
	answer_id: string;
	/** The trainer who wrote it; null once that account is deleted (the comment stays, unsigned). */
	author_id: string | null;
	body: string;
	idempotency_key: string;
	created_at: GeneratedTimestamp;
}

// ── Observations: a trainer's observation of a candidate, per criterion, and its acknowledgement ──

export interface ObservationTable {
	id: Generated<string>;
	candidate_id: string;
	/** The group it was recorded in; null once that group is deleted (the observation stays the candidate's). */
	group_id: string | null;
	certification_id: string;
	/** The trainer who recorded it; null once that account is deleted (unsigned). */
	recorded_by: string | null;
	observed_on: IsoDay;
	place: string;
	situation: ObservationSituation;
	tutor_name: string | null;
	tutor_role: string | null;
	/** The observation this one corrects (each is corrected at most once). */
	supersedes: string | null;
	request_key: string | null;
	created_at: GeneratedTimestamp;
}

export interface ObservationResultTable {
	observation_id: string;
	criterion_id: string;
	/** acquis 1, en cours 0.5, non acquis 0. */
	score: number;
	comment: string | null;
	/** The ledger row written for this result. */
	evidence_id: number;
}

export interface ObservationAcknowledgementTable {
	observation_id: string;
	acknowledged_at: GeneratedTimestamp;
}

// ── VAE, part 2: proof documents, versioned long texts, feasibility-file states ──

export interface PortfolioAttachmentTable {
	id: Generated<string>;
	experience_id: string;
	user_id: string;
	file_name: string;
	media_type: 'application/pdf' | 'image/png' | 'image/jpeg';
	size_bytes: number;
	content: Uint8Array;
	created_at: Timestamp;
}

export interface VersionedTextTable {
	user_id: string;
	scope: string;
	key: string;
	body: string;
	version: number;
	updated_at: Timestamp;
}

export interface VaeFeasibilityTable {
	user_id: string;
	competence_id: string;
	state: 'oui' | 'partiellement' | 'non';
	updated_at: Timestamp;
}

// ── Evaluation preparation, part 2: the projects report, the company's opinion ──

export interface PortfolioProjectTable {
	experience_id: string;
	user_id: string;
	objective: string;
	figures: string;
	/** The documents the project would show, listed in words (attachments come with VAE part 2). */
	documents: string;
}

export interface CompanyOpinionInvitationTable {
	id: Generated<string>;
	user_id: string;
	certification_id: string;
	tutor_email: string;
	tutor_name: string;
	/** SHA-256 of the link's token, hex: the token itself is never stored. */
	token_hash: string;
	created_at: Timestamp;
	expires_at: Timestamp;
	revoked_at: Timestamp | null;
	signed_at: Timestamp | null;
}

export interface CompanyOpinionTable {
	invitation_id: string;
	user_id: string;
	signer_name: string;
	signer_role: string;
	signer_company: string;
	signed_on: string | null;
	signed_at: Timestamp | null;
	updated_at: Timestamp;
}

export interface CompanyOpinionEntryTable {
	invitation_id: string;
	user_id: string;
	competence_id: string;
	verdict: 'favorable' | 'réservé' | 'défavorable' | null;
	comment: string;
}
