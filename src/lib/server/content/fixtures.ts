// Small, valid content for tests; each test breaks one thing in it.
import type { ContentFiles } from './load';

export const fixtureReferentiel = `
id: demo
title: Certification de démonstration
type: CQPM
reference: test
source: test
summary: Une certification minuscule pour les tests.
evaluation:
  modalities: [Observation]
  admissibility: Toutes les compétences sont acquises.
units:
  - id: demo.bloc1
    code: B1
    kind: bloc
    title: Premier bloc
    competences:
      - id: demo.c1
        number: 1
        title: Négocier une offre
        conditions: [À partir d'un cahier des charges]
        criteria:
          - { id: demo.c1.met1, aspect: méthodes, kind: critère, official: true, text: "L'objection est traitée avec méthode." }
          - { id: demo.c1.res1, aspect: résultats, kind: résultat attendu, official: true, text: "L'offre est formalisée et transmise." }
`;

export const fixtureQuiz = `
items:
  - id: demo.c1.q1
    type: single
    criteria: [demo.c1.met1]
    prompt: Que faire face à « c'est trop cher » ?
    choices:
      - { id: a, text: Faire préciser l'objection, correct: true, feedback: Oui. }
      - { id: b, text: Baisser le prix, feedback: Non. }
  - id: demo.c1.q2
    type: numeric
    criteria: [demo.c1.res1]
    prompt: Prix de revient 8 000 €, taux de marque 20 %. Prix de vente ?
    answer: 10000
    tolerance: 1
    unit: "€"
    compute: { inputs: { pr: 8000, t: 0.2 }, expression: pr / (1 - t) }
    feedback: { correct: Juste., incorrect: "PV = PR / (1 − t)." }
`;

export const fixtureScenario = `
id: demo.c1.s1
title: Une négociation
summary: Résumé.
context: Contexte.
start: n1
nodes:
  n1:
    text: Le client hésite.
    choices:
      - { id: a, text: Vous questionnez, effects: { demo.c1.met1: 1 }, feedback: Bien., next: fin }
      - { id: b, text: Vous cédez, effects: { demo.c1.met1: 0 }, feedback: Dommage., next: fin }
  fin:
    ending:
      title: Fin
      outcome: réussite
      text: Terminé.
      debrief: { demo.c1.met1: { réussi: Vous avez traité l'objection., manqué: Vous avez cédé sans traiter l'objection. } }
`;

export const fixtureLesson = `---
competence: demo.c1
title: Négocier une offre
duration: 30
---

Introduction.

## Traiter l'objection {#demo.c1.met1}

Texte d'auteur à garder.

## Formaliser l'offre {#demo.c1.res1}

Autre texte.

## Ce que les évaluateurs observeront

- Tout.
`;

/** A complete, valid content tree; `overrides` replaces or adds files (undefined removes one). */
export function fixtureFiles(overrides: Record<string, string | undefined> = {}): ContentFiles {
	const files: ContentFiles = new Map([
		['referentiels/demo.yaml', fixtureReferentiel],
		['modules/demo/c1/lesson.md', fixtureLesson],
		['modules/demo/c1/quiz.yaml', fixtureQuiz],
		['modules/demo/c1/scenarios/1.yaml', fixtureScenario],
		['coverage.yaml', 'default: { quizItems: 1, itemTypes: 1, scenarioChoices: 0 }\n']
	]);
	for (const [path, content] of Object.entries(overrides)) {
		if (content === undefined) files.delete(path);
		else files.set(path, content);
	}
	return files;
}
