/**
 * The vocabulary of the evidence ledger, defined once: the database schema, the mastery model
 * and every writer import it from here.
 */

/** Where a piece of evidence comes from. */
export type EvidenceSource = 'quiz' | 'scenario' | 'self' | 'portfolio' | 'observation';
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = ['quiz', 'scenario', 'self', 'portfolio', 'observation'];

/** A row either records a score, or withdraws the row it supersedes (and has no score). */
export type EvidenceKind = 'record' | 'withdrawal';

/**
 * Where an observation was made. The CQPM's own modality is the real work situation (and the
 * interview with evidence of activities carried out in the company); a reconstituted situation
 * is training, and never shows a criterion « en situation réelle ».
 */
export type ObservationSituation = 'réelle' | 'reconstituée' | 'entretien';

/** The sources that train: what « acquis à l'entraînement » is computed from. */
export const TRAINING_SOURCES: ReadonlySet<EvidenceSource> = new Set(['quiz', 'scenario']);
